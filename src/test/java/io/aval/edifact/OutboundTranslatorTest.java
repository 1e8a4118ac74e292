package io.aval.edifact;

import io.aval.partner.ControlNumberSequence;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundTranslatorTest {

    static final Path CREDIT_NOTE = Path.of("src/test/resources/ubl/invoic-out/credit-note-AV-2026-0051.xml");
    static final Path DESPATCH = Path.of("src/test/resources/ubl/desadv-out/despatch-DES-587502.xml");

    OutboundTranslator translator;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        translator = new OutboundTranslator(OutboundGoldenTest.MAPPER, new InterchangeWriter(OutboundGoldenTest.CLOCK),
                new ControlNumberSequence(ds));
    }

    @Test
    void eachInterchangeToAPartnerGetsTheNextControlReference() throws Exception {
        EnvelopeProfile partner = EnvelopeProfile.eancom("4012345000009", "5412345000013");

        var first = translator.translate(Files.readAllBytes(DESPATCH), partner);
        var second = translator.translate(List.of(Files.readAllBytes(DESPATCH), Files.readAllBytes(CREDIT_NOTE)), partner);

        assertThat(first.controlReference()).isEqualTo("00000000000001");
        assertThat(second.controlReference()).isEqualTo("00000000000002");
        assertThat(second.messageTypes()).containsExactly("DESADV", "INVOIC");
        assertThat(new String(second.bytes(), StandardCharsets.ISO_8859_1))
                .contains("+00000000000002'UNH+1+DESADV:D:96A:UN:EAN005'").endsWith("UNZ+2+00000000000002'");
    }

    @Test
    void failedTranslationDoesNotConsumeAControlReference() throws Exception {
        EnvelopeProfile strictUnoa = new EnvelopeProfile(3, SyntaxCharset.UNOA, CharsetPolicy.REJECT, true,
                "4012345000009", "14", "5412345000013", "14", null, false, false, null, EdifactDirectory.D96A);

        assertThatThrownBy(() -> translator.translate(Files.readAllBytes(CREDIT_NOTE), strictUnoa))
                .isInstanceOf(TranslationException.class);

        EnvelopeProfile samePartnerTransliterating = new EnvelopeProfile(3, SyntaxCharset.UNOA, CharsetPolicy.TRANSLITERATE,
                true, "4012345000009", "14", "5412345000013", "14", null, false, false, null, EdifactDirectory.D96A);
        assertThat(translator.translate(Files.readAllBytes(CREDIT_NOTE), samePartnerTransliterating).controlReference())
                .isEqualTo("00000000000001");
    }

    @Test
    void documentWithoutAnOutboundMappingIsRefusedByName() {
        byte[] order = "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> translator.translate(order, EnvelopeProfile.eancom("4012345000009", "5412345000013")))
                .isInstanceOfSatisfying(TranslationException.class,
                        e -> assertThat(e.failure()).isEqualTo(TranslationException.Failure.UNSUPPORTED_DOCUMENT))
                .hasMessageContaining("<Order>");
    }
}
