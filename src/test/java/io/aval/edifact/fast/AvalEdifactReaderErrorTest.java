package io.aval.edifact.fast;

import io.aval.edifact.fast.EdifactReadException.Code;
import io.aval.edifact.fast.EdifactXml.Directory;
import io.aval.edifact.fast.internal.InterchangeParser;
import org.junit.jupiter.api.Test;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Rejections say where (segment position and tag), what was expected there and what was found. */
class AvalEdifactReaderErrorTest {
    private static final InterchangeParser PARSER = AvalEdifactReader.newParser(Directory.D96A.schemaUri(),
            "ORDERS,DESADV,INVOIC,ORDRSP", null, null);
    private static final String HEAD = "UNA:+.? 'UNB+UNOC:3+S:14+R:14+261126:1300+REF1'UNH+1+ORDERS:D:96A:UN'";

    private static EdifactReadException reject(String edi) {
        return catchThrowableOfType(EdifactReadException.class,
                () -> PARSER.parse(new ByteArrayInputStream(edi.getBytes(StandardCharsets.ISO_8859_1)), new DefaultHandler()));
    }

    private static EdifactReadException rejectFile(String name) throws Exception {
        byte[] bytes = Files.readAllBytes(Paths.get("src/test/resources/edifact/broken", name));
        return reject(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Test
    void rejectsUnknownSegmentWithItsPositionAndWhatWasExpected() throws Exception {
        EdifactReadException e = rejectFile("p06-unknown-segment.edi");
        assertThat(e.code()).isEqualTo(Code.UNEXPECTED_SEGMENT);
        assertThat(e.segmentPosition()).isEqualTo(5);
        assertThat(e.segmentTag()).isEqualTo("XYZ");
        assertThat(e.expected()).contains("UNS").contains("ORDERS");
    }

    @Test
    void rejectsSyntaxVersion2LikeTheStockReader() throws Exception {
        EdifactReadException e = rejectFile("p10-syntax2.edi");
        assertThat(e.code()).isEqualTo(Code.UNSUPPORTED_SYNTAX_VERSION);
        assertThat(e.segmentTag()).isEqualTo("UNB");
        assertThat(e.found()).isEqualTo("'2'");
    }

    @Test
    void rejectsTruncatedInterchange() throws Exception {
        assertThat(reject(HEAD + "BGM+220+PO1+9'DTM+137:20261126:102'UNS+S'UNT+5+1'").code()).isEqualTo(Code.TRUNCATED);
        assertThat(reject(HEAD + "BGM+220+PO1+9'DTM+137:2026").code()).isEqualTo(Code.TRUNCATED);
    }

    @Test
    void rejectsGarbage() throws Exception {
        EdifactReadException e = rejectFile("p27-garbage.edi");
        assertThat(e.code()).isEqualTo(Code.NOT_EDIFACT);
        assertThat(e.expected()).contains("UNB");
    }

    @Test
    void rejectsMissingMandatorySegment() {
        EdifactReadException e = reject(HEAD + "BGM+220+PO1+9'DTM+137:20261126:102'UNT+4+1'UNZ+1+REF1'");
        assertThat(e.code()).isEqualTo(Code.MISSING_SEGMENT);
        assertThat(e.expected()).contains("mandatory UNS");
    }

    @Test
    void rejectsSegmentOutOfOrder() throws Exception {
        EdifactReadException e = rejectFile("p07-wrong-order.edi");
        assertThat(e.code()).isEqualTo(Code.UNEXPECTED_SEGMENT);
        assertThat(e.segmentTag()).isEqualTo("DTM");
        assertThat(e.expected()).contains("BGM");
    }

    @Test
    void rejectsTooManyRepetitionsOfARepeatingElement() throws Exception {
        EdifactReadException e = rejectFile("f7-ali-6.edi");
        assertThat(e.code()).isEqualTo(Code.BAD_DATA_ELEMENT);
        assertThat(e.segmentTag()).isEqualTo("ALI");
        assertThat(e.expected()).contains("at most 5 repetitions of E4183");
    }

    @Test
    void rejectsNumberThatIsNotANumber() throws Exception {
        EdifactReadException e = rejectFile("p04-decimal-bad.edi");
        assertThat(e.code()).isEqualTo(Code.BAD_DATA_ELEMENT);
        assertThat(e.segmentTag()).isEqualTo("QTY");
        assertThat(e.segmentPosition()).isEqualTo(6);
        assertThat(e.found()).isEqualTo("'ABC'");
    }

    @Test
    void rejectsMessageTypeNotConfigured() throws Exception {
        EdifactReadException e = rejectFile("p23-unknown-type.edi");
        assertThat(e.code()).isEqualTo(Code.UNKNOWN_MESSAGE_TYPE);
        assertThat(e.found()).isEqualTo("'PRICAT'");
    }

    @Test
    void rejectsDataAfterUnz() throws Exception {
        assertThat(rejectFile("p45-extra-after-unz.edi").code()).isEqualTo(Code.ENVELOPE);
    }
}
