package io.aval.edifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UBL → mapping → {@link InterchangeWriter} → bytes → the stock Smooks reader: what the partner's
 * translator sees must be what the mapping meant. The stock reader compiles its schema once per
 * directory for the whole class (see {@link StockEdifactReader}).
 */
class OutboundRoundTripTest {

    static final Path INVOICE = Path.of("src/test/resources/ubl/invoic-out/invoice-FA-2026-10022.xml");
    static final Path CREDIT_NOTE = Path.of("src/test/resources/ubl/invoic-out/credit-note-AV-2026-0051.xml");
    static final Path DESPATCH = Path.of("src/test/resources/ubl/desadv-out/despatch-DES-587502.xml");
    static final String CREDIT_NOTE_TEXT = "Brides rayées : avoir 100 % ? Réf. client \"A*B\" + retour l'entrepôt : 2 colis";

    static Document mapped(Path ubl, EdifactDirectory directory) throws Exception {
        return OutboundGoldenTest.MAPPER.map(Files.readAllBytes(ubl), directory);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("io.aval.edifact.OutboundGoldenTest#goldenInputs")
    void stockReaderReadsBackExactlyWhatTheMappingProduced(String input, EdifactDirectory directory) throws Exception {
        EnvelopeProfile profile = OutboundGoldenTest.profile(directory);
        Document message = mapped(OutboundGoldenTest.GOLDEN.resolve(input), directory);
        byte[] bytes = new InterchangeWriter(OutboundGoldenTest.CLOCK).write(profile, message);

        Document parsed = StockEdifactReader.parse(bytes, profile.charset(), directory);

        assertThat(parsed.getElementsByTagNameNS("*", "BadMessage").getLength()).as("stock reader structured the message").isZero();
        Diff diff = DiffBuilder.compare(MessageXmlNormaliser.normalise(MessageXmlNormaliser.message(message)))
                .withTest(MessageXmlNormaliser.normalise(MessageXmlNormaliser.message(parsed)))
                .ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    @Test
    void invoiceBusinessContentSurvivesTheRoundTrip() throws Exception {
        EnvelopeProfile profile = OutboundGoldenTest.profile(EdifactDirectory.D96A);
        byte[] bytes = new InterchangeWriter(OutboundGoldenTest.CLOCK).write(profile, mapped(INVOICE, EdifactDirectory.D96A));

        Document p = StockEdifactReader.parse(bytes, profile.charset(), EdifactDirectory.D96A);

        assertThat(values(p, "//UNB/S002/E0004 | //UNB/S003/E0010 | //UNB/E0020")).containsExactly("4012345000009", "5412345000013", "AVL0000001");
        assertThat(values(p, "//BGM/C002/E1001 | //BGM/E1004")).containsExactly("380", "FA-2026-10022");
        assertThat(values(p, "//DTM/C507[E2005='137']/E2380")).containsExactly("20261201");
        assertThat(values(p, "//RFF/C506/E1154")).containsExactly("PO-2026-1188", "DES-587502", "FR12345678901");
        assertThat(values(p, "//NAD/C082/E3039")).containsExactly("5412345000013", "4012345000009");
        assertThat(values(p, "//NAD[E3035='BY']/C080/E3036")).containsExactly("Acme Distribution");
        assertThat(values(p, "//LIN/C212/E7140")).containsExactly("4000862141404");
        assertThat(values(p, "//QTY/C186/E6060")).containsExactly("1000");
        assertThat(values(p, "//PRI/C509/E5118")).containsExactly("1.25");
        assertThat(values(p, "//MOA/C516[E5025='203' or E5025='77' or E5025='124']/E5004")).containsExactly("1250", "1500", "250", "250");
        assertThat(String.join("", values(p, "//FTX[E4451='AAI']/C108/E4440")))
                .isEqualTo("Remise 5 % accordée sur contrat CONTRAT-2025-077 ; l'escompte n'est pas applicable");
        assertThat(String.join("", values(p, "//IMD/C273/E7008"))).isEqualTo("Joint torique 40mm + bague d'appui");
        assertThat(values(p, "//UNT/E0074")).containsExactly("28");
        assertThat(values(p, "//UNZ/E0036")).containsExactly("1");
    }

    @Test
    void unoaPartnerGetsUpperCaseTransliteratedTextThatStillParses() throws Exception {
        EnvelopeProfile unoa = new EnvelopeProfile(3, SyntaxCharset.UNOA, CharsetPolicy.TRANSLITERATE, true,
                "4012345000009", "14", "5412345000013", "14", "AVL0000002", false, false, null, EdifactDirectory.D96A);
        byte[] bytes = new InterchangeWriter(OutboundGoldenTest.CLOCK).write(unoa, mapped(CREDIT_NOTE, EdifactDirectory.D96A));

        for (byte b : bytes) {
            assertThat(SyntaxCharset.UNOA.admits(b & 0xFF)).as("byte %02x is in the UNOA repertoire", b).isTrue();
        }
        Document p = StockEdifactReader.parse(bytes, SyntaxCharset.UNOA, EdifactDirectory.D96A);
        assertThat(values(p, "//UNB/S001/E0001")).containsExactly("UNOA");
        assertThat(String.join("", values(p, "//FTX/C108/E4440")))
                .isEqualTo("BRIDES RAYEES : AVOIR 100 % ? REF. CLIENT \"A*B\" + RETOUR L'ENTREPOT : 2 COLIS");
        assertThat(String.join("", values(p, "//NAD[E3035='BY']/C080/E3036")))
                .isEqualTo("ACME DISTRIBUTION SOCIETE GENERALE D'EQUIPEMENT");
        assertThat(values(p, "//MOA/C516[E5025='77']/E5004")).containsExactly("180");
    }

    @Test
    void unoaPartnerThatRefusesTransliterationGetsAClearError() throws Exception {
        EnvelopeProfile strict = new EnvelopeProfile(3, SyntaxCharset.UNOA, CharsetPolicy.REJECT, true,
                "4012345000009", "14", "5412345000013", "14", "AVL0000003", false, false, null, EdifactDirectory.D96A);
        Document message = mapped(CREDIT_NOTE, EdifactDirectory.D96A);

        assertThatThrownBy(() -> new InterchangeWriter(OutboundGoldenTest.CLOCK).write(strict, message))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(TranslationException.Failure.CHARSET_VIOLATION);
                    assertThat(e.interchangeReference()).isEqualTo("AVL0000003");
                    assertThat(e.partner()).isEqualTo("5412345000013");
                })
                .hasMessageContaining("UNOA").hasMessageContaining("FTX/C108/E4440");
    }

    @Test
    void unowPartnerInSyntax4KeepsAccentsAndReleasesTheRepetitionSeparator() throws Exception {
        EnvelopeProfile unow = new EnvelopeProfile(4, SyntaxCharset.UNOW, CharsetPolicy.REJECT, true,
                "4012345000009", "14", "5412345000013", "14", "AVL0000004", true, true, "INVOIC", EdifactDirectory.D01B);
        byte[] bytes = new InterchangeWriter(OutboundGoldenTest.CLOCK).write(unow, mapped(CREDIT_NOTE, EdifactDirectory.D01B));
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).startsWith("UNA:+.?*'UNB+UNOW:4+4012345000009:14+5412345000013:14+20261210:0830+AVL0000004++INVOIC++1++1'");
        assertThat(text).contains("\"A?*B\" ?+ retour l?'entrepôt");
        Document p = StockEdifactReader.parse(bytes, SyntaxCharset.UNOW, EdifactDirectory.D01B);
        assertThat(values(p, "//UNB/S004/E0017")).containsExactly("20261210");
        assertThat(String.join("", values(p, "//FTX/C108/E4440"))).isEqualTo(CREDIT_NOTE_TEXT);
        assertThat(String.join("", values(p, "//NAD[E3035='BY']/C080/E3036"))).isEqualTo("Acme Distribution Société Générale d'Équipement");
        assertThat(values(p, "//BGM/C002/E1001 | //BGM/C106/E1004")).containsExactly("381", "AV-2026-0051");
    }

    @Test
    void severalMessagesShareOneInterchangeWithTheirOwnNumbersAndCounts() throws Exception {
        EnvelopeProfile profile = OutboundGoldenTest.profile(EdifactDirectory.D96A);
        byte[] bytes = new InterchangeWriter(OutboundGoldenTest.CLOCK).write(profile,
                mapped(DESPATCH, EdifactDirectory.D96A), mapped(INVOICE, EdifactDirectory.D96A), mapped(CREDIT_NOTE, EdifactDirectory.D96A));

        Document p = StockEdifactReader.parse(bytes, profile.charset(), EdifactDirectory.D96A);

        assertThat(values(p, "//UNH/E0062")).containsExactly("1", "2", "3");
        assertThat(values(p, "//UNT/E0062")).containsExactly("1", "2", "3");
        assertThat(values(p, "//UNH/S009/E0065")).containsExactly("DESADV", "INVOIC", "INVOIC");
        assertThat(values(p, "//UNT/E0074")).containsExactly("19", "28", "27");
        assertThat(values(p, "//UNZ/E0036")).containsExactly("3");
    }

    static List<String> values(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
