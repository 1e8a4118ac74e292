package io.aval.edifact;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EnvelopeCheckerTest {

    private final EnvelopeChecker checker = new EnvelopeChecker();

    private static final String GOOD = interchange(ACME, "REF001", ordersBody("PO-1", "20261126", "4000862141404", 5));

    @Test
    void acceptsWellFormedInterchangeAndReadsItsHeader() {
        CheckedInterchange c = checker.check(bytes(GOOD));
        assertThat(c.findings()).isEmpty();
        assertThat(c.header().senderId()).isEqualTo(ACME);
        assertThat(c.header().controlRef()).isEqualTo("REF001");
        assertThat(c.header().syntax()).isEqualTo("UNOC:3");
        assertThat(c.messages()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("ORDERS");
            assertThat(m.directory()).isEqualTo("D96A");
            assertThat(m.documentNumber()).isEqualTo("PO-1");
            assertThat(m.documentDate()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(m.findings()).isEmpty();
        });
    }

    @Test
    void honoursReleaseCharacterAndLineBreaksWithoutUna() throws Exception {
        byte[] raw = Files.readAllBytes(Path.of("src/test/resources/samples/orders-d96a-no-una-release.edi"));
        CheckedInterchange c = checker.check(raw);
        assertThat(c.hasUna()).isFalse();
        assertThat(c.findings()).isEmpty();
        assertThat(c.header().senderId()).isEqualTo("ACME");
        // the sample's UNT says 10 but UNH..UNT holds 11 segments (the escaped ?' does not end FTX)
        assertThat(c.messages().get(0).findings()).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(EdifactFinding.UNT_SEGMENT_COUNT_MISMATCH));
    }

    @Test
    void standaloneMessageKeepsSeparatorsAndClosesWithUnz() {
        CheckedInterchange c = checker.check(bytes(interchange(ACME, "R?EF", ordersBody("PO-1", "20261126", "4000862141404", 5))
                .replace("R?EF", "R??EF")));
        String standalone = c.standalone(c.messages().get(0));
        assertThat(standalone).startsWith("UNA:+.? 'UNB+").endsWith("UNZ+1+R??EF'");
        assertThat(checker.check(bytes(standalone)).findings()).isEmpty();
    }

    static Stream<Arguments> brokenInterchanges() {
        return Stream.of(
                Arguments.of("empty file", "", EdifactFinding.EMPTY_INPUT),
                Arguments.of("blanks only", "  \r\n ", EdifactFinding.EMPTY_INPUT),
                Arguments.of("prose", "Hello, please ship", EdifactFinding.NOT_EDIFACT),
                Arguments.of("xml", "<Order/>", EdifactFinding.NOT_EDIFACT),
                Arguments.of("binary", "UNB\u0000\u0001", EdifactFinding.BINARY_CONTENT),
                Arguments.of("short UNA", "UNA:+", EdifactFinding.UNA_INVALID),
                Arguments.of("UNA repeats a separator", "UNA++.? 'UNB+UNOC:3+A+B+261126:1200+R'", EdifactFinding.UNA_INVALID),
                Arguments.of("unknown charset", GOOD.replace("UNOC:3", "UNOZ:3"), EdifactFinding.SYNTAX_NOT_SUPPORTED),
                Arguments.of("syntax version 9", GOOD.replace("UNOC:3", "UNOC:9"), EdifactFinding.SYNTAX_NOT_SUPPORTED),
                Arguments.of("UNB without reference", GOOD.replaceFirst("\\+REF001'", "'"), EdifactFinding.UNB_INVALID),
                Arguments.of("UNB bad date", GOOD.replace("261126:1200", "26xx26:1200"), EdifactFinding.UNB_INVALID),
                Arguments.of("truncated in a segment", GOOD.substring(0, GOOD.indexOf("QTY") + 5), EdifactFinding.TRUNCATED),
                Arguments.of("no UNZ", GOOD.substring(0, GOOD.indexOf("UNZ")), EdifactFinding.UNZ_MISSING),
                Arguments.of("UNZ count", GOOD.replace("UNZ+1+", "UNZ+3+"), EdifactFinding.UNZ_COUNT_MISMATCH),
                Arguments.of("UNZ reference", GOOD.replace("UNZ+1+REF001", "UNZ+1+REF999"), EdifactFinding.UNZ_REFERENCE_MISMATCH),
                Arguments.of("segment after UNZ", GOOD + "UNH+9+ORDERS:D:96A:UN'", EdifactFinding.SEGMENT_OUTSIDE_MESSAGE),
                Arguments.of("segment between messages", GOOD.replace("UNZ+1", "FTX+AAI+++x'UNZ+1"), EdifactFinding.SEGMENT_OUTSIDE_MESSAGE),
                Arguments.of("no message", "UNA:+.? 'UNB+UNOC:3+A:14+B:14+261126:1200+R'UNZ+0+R'", EdifactFinding.NO_MESSAGE),
                Arguments.of("UNOA with a byte above 127", GOOD.replace("UNOC", "UNOA").replace("PO-1", "PO-\u00e9"), EdifactFinding.INVALID_CHARACTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInterchanges")
    void rejectsBrokenEnvelopeWithItsOwnFinding(String what, String text, EdifactFinding expected) {
        CheckedInterchange c = checker.check(text.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(c.findings()).extracting(Finding::kind).contains(expected);
        assertThat(c.findings().get(0).describe()).isNotBlank();
    }

    static Stream<Arguments> brokenMessages() {
        return Stream.of(
                Arguments.of("UNT count", GOOD.replace("UNT+11+1", "UNT+12+1"), EdifactFinding.UNT_SEGMENT_COUNT_MISMATCH),
                Arguments.of("UNT reference", GOOD.replace("UNT+11+1", "UNT+11+7"), EdifactFinding.UNT_REFERENCE_MISMATCH),
                Arguments.of("UNH without identifier", GOOD.replace("UNH+1+ORDERS:D:96A:UN:EAN008", "UNH+1"), EdifactFinding.UNH_INVALID),
                Arguments.of("UNT missing", GOOD.replace("UNT+11+1'", ""), EdifactFinding.UNT_MISSING),
                Arguments.of("lower-case tag", GOOD.replace("QTY+", "qty+"), EdifactFinding.INVALID_SEGMENT_TAG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMessages")
    void flagsBrokenMessageWithSegmentPosition(String what, String text, EdifactFinding expected) {
        CheckedInterchange c = checker.check(bytes(text));
        assertThat(c.messages()).singleElement().satisfies(m -> {
            assertThat(m.findings()).extracting(Finding::kind).contains(expected);
            assertThat(m.findings().get(0).segmentPosition()).isPositive();
        });
    }

    @Test
    void untCountFindingNamesDeclaredAndActualCount() {
        CheckedInterchange c = checker.check(bytes(GOOD.replace("UNT+11+1", "UNT+99+1")));
        assertThat(c.messages().get(0).findings().get(0).describe())
                .isEqualTo("UNT segment count does not match at segment 13 (UNT): UNT counts 99 segments, message 1 has 11 (UNH to UNT)");
    }

    @Test
    void acceptsSyntaxVersion2AndPresentsItAsVersion3ToTheReader() {
        CheckedInterchange c = checker.check(bytes(GOOD.replace("UNOC:3", "UNOA:2")));
        assertThat(c.findings()).isEmpty();
        assertThat(c.standalone(c.messages().get(0))).contains("UNB+UNOA:3+");
    }
}
