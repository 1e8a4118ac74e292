package io.aval.edifact;

import io.aval.edifact.ContrlReport.Action;
import io.aval.edifact.ContrlReport.Finding;
import io.aval.edifact.ContrlReport.MessageReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRL golden files ({@code src/test/resources/edifact/contrl/<case>.edi}) for an accepted interchange and for
 * each kind of rejection the envelope checks produce, and the reader giving back the report each was built from.
 * {@code -Dgolden.update=true} rewrites them.
 */
class ContrlGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/edifact/contrl");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:05:00Z"), ZoneOffset.UTC);
    static final String CUSTOMER = "5412345000013";
    static final String SUPPLIER = "4012345000009";

    static ContrlReport report(String ref, int version, Action action, List<Finding> findings, List<MessageReport> messages) {
        return new ContrlReport(CUSTOMER, "14", SUPPLIER, "14", ref, version >= 4 ? "UNOW" : "UNOC", version, action, findings, messages);
    }

    static MessageReport orders(Action action, Finding... findings) {
        return new MessageReport("1", "ORDERS", "D", "96A", "UN", "EAN008", action, List.of(findings));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("accepted", ContrlReport.acceptance(CUSTOMER, "14", SUPPLIER, "14", "ORD0000017", "UNOC", 3)),
                Arguments.of("accepted-syntax4", report("ORD0000020", 4, Action.ACKNOWLEDGED, List.of(), List.of())),
                Arguments.of("rejected-unz-count", report("ORD0000021", 3, Action.REJECTED,
                        List.of(Finding.onServiceSegment(SyntaxErrorCode.CONTROL_COUNT_DOES_NOT_MATCH, "UNZ")), List.of())),
                Arguments.of("rejected-unz-reference", report("ORD0000022", 3, Action.REJECTED,
                        List.of(Finding.onServiceElement(SyntaxErrorCode.REFERENCES_DO_NOT_MATCH, "UNZ", 2, null)), List.of())),
                Arguments.of("rejected-unt-count", report("ORD0000019", 3, Action.ACKNOWLEDGED, List.of(),
                        List.of(orders(Action.REJECTED, Finding.onServiceSegment(SyntaxErrorCode.CONTROL_COUNT_DOES_NOT_MATCH, "UNT"))))),
                Arguments.of("rejected-unknown-recipient", report("ORD0000023", 3, Action.REJECTED,
                        List.of(Finding.onServiceElement(SyntaxErrorCode.RECIPIENT_NOT_ACTUAL_RECIPIENT, "UNB", 3, 1)), List.of())),
                Arguments.of("rejected-duplicate", report("ORD0000017", 3, Action.REJECTED,
                        List.of(Finding.onServiceElement(SyntaxErrorCode.DUPLICATE_DETECTED, "UNB", 5, null)), List.of())),
                Arguments.of("rejected-message-syntax", report("ORD0000024", 3, Action.ACKNOWLEDGED, List.of(),
                        List.of(orders(Action.REJECTED,
                                Finding.inBody(SyntaxErrorCode.INVALID_VALUE, 4, "DTM", 1, 2),
                                Finding.inBody(SyntaxErrorCode.NOT_SUPPORTED_IN_POSITION, 7, "XYZ", null, null))))));
    }

    static String build(ContrlReport report) {
        String ref = String.format("%014d", Math.abs(report.interchangeReference().hashCode()) % 1000);
        return new String(new ContrlBuilder(CLOCK).build(report, ref),
                report.syntaxVersion() >= 4 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsTheExpectedContrl(String name, ContrlReport report) throws Exception {
        String actual = build(report);
        Path expected = GOLDEN.resolve(name + ".edi");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, EdiText.onePerLine(actual), StandardCharsets.UTF_8);
        }
        assertThat(expected).as("golden file (create it with -Dgolden.update=true and review it)").exists();
        assertThat(actual).isEqualTo(EdiText.joined(Files.readString(expected, StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readerGivesBackTheReportTheContrlWasBuiltFrom(String name, ContrlReport report) throws Exception {
        byte[] golden = EdiText.joined(Files.readString(GOLDEN.resolve(name + ".edi"), StandardCharsets.UTF_8))
                .getBytes(report.syntaxVersion() >= 4 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        ContrlReport read = new ContrlReader().read(golden);

        assertThat(read).isEqualTo(asTransmitted(report));
    }

    @Test
    void rejectionOfUnknownRecipientNamesUnbElementThree() throws Exception {
        assertThat(Files.readString(GOLDEN.resolve("rejected-unknown-recipient.edi")))
                .contains("UCI+ORD0000023+5412345000013:14+4012345000009:14+4+7+UNB+3:1'");
    }

    @Test
    void contrlGoesBackToTheSenderInTheAcknowledgedSyntaxVersion() throws Exception {
        String v4 = build(report("ORD0000020", 4, Action.ACKNOWLEDGED, List.of(), List.of()));
        assertThat(v4).startsWith("UNA:+.?*'UNB+UNOW:4+4012345000009:14+5412345000013:14+20261126:1205+")
                .contains("UNH+1+CONTRL:4:1:UN'UCI+ORD0000020+5412345000013:14+4012345000009:14+7'UNT+3+1'")
                .doesNotContain("++1'"); // never asks for a CONTRL of the CONTRL
    }

    @Test
    void eancomPartnersGetTheEan002AssociationCode() {
        ContrlReport report = ContrlReport.acceptance(CUSTOMER, "14", SUPPLIER, "14", "ORD0000017", "UNOC", 3);
        String text = new String(new ContrlBuilder(CLOCK, "EAN002").build(report, "00000000000001"), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("UNH+1+CONTRL:D:3:UN:EAN002'");
    }

    @Test
    void readsAPartnerContrlWithLineBreaksAndNoUna() {
        String partner = """
                UNB+UNOC:3+5412345000013:14+4012345000009:14+261211:0715+C000123'
                UNH+77+CONTRL:D:3:UN:EAN002'
                UCI+AVL0000001+4012345000009:14+5412345000013:14+7'
                UCM+1+INVOIC:D:96A:UN:EAN008+4'
                UCS+12'
                UCD+12+2:1'
                UCS+14+35'
                UNT+7+77'
                UNZ+1+C000123'
                """;

        ContrlReport r = new ContrlReader().read(partner.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(r.interchangeReference()).isEqualTo("AVL0000001");
        assertThat(r.senderId()).isEqualTo("4012345000009");
        assertThat(r.action()).isEqualTo(Action.ACKNOWLEDGED);
        assertThat(r.messages()).singleElement().satisfies(m -> {
            assertThat(m.messageType()).isEqualTo("INVOIC");
            assertThat(m.action()).isEqualTo(Action.REJECTED);
            assertThat(m.findings()).containsExactly(
                    Finding.inBody(SyntaxErrorCode.INVALID_VALUE, 12, null, 2, 1),
                    Finding.inBody(SyntaxErrorCode.TOO_MANY_REPETITIONS, 14, null, null, null));
        });
    }

    /** What survives the wire: UCS has no tag, and UCI/UCM carry a tag (0135) only for service segments. */
    static ContrlReport asTransmitted(ContrlReport r) {
        return new ContrlReport(r.senderId(), r.senderQualifier(), r.recipientId(), r.recipientQualifier(),
                r.interchangeReference(), r.syntaxIdentifier(), r.syntaxVersion(), r.action(),
                r.findings().stream().limit(1).map(ContrlGoldenTest::transmitted).toList(),
                r.messages().stream().map(m -> new MessageReport(m.messageReference(), m.messageType(), m.version(),
                        m.release(), m.agency(), m.association(), m.action(),
                        m.findings().stream().map(ContrlGoldenTest::transmitted).toList())).toList());
    }

    static Finding transmitted(Finding f) {
        boolean service = f.segmentPosition() == null && f.segmentTag() != null && f.segmentTag().startsWith("UN");
        return new Finding(f.error(), f.segmentPosition(), service ? f.segmentTag() : null, f.elementPosition(), f.componentPosition());
    }
}
