package io.aval.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.edifact.ContrlReport.Action;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * From the envelope checks' verdict to the CONTRL the gateway sends: the sample interchanges, checked by the real
 * {@link EnvelopeChecker}, must give exactly the CONTRL golden files ({@code edifact/contrl/}) for the same
 * interchange, and findings inside a message body are reported at their position counted from UNH.
 */
class ContrlReportsTest {

    private static final Path SAMPLES = Path.of("src/test/resources/samples");

    private static CheckedInterchange check(String edi) {
        return new EnvelopeChecker().check(edi.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String golden(String name) throws Exception {
        return EdiText.joined(Files.readString(ContrlGoldenTest.GOLDEN.resolve(name + ".edi"), StandardCharsets.UTF_8));
    }

    @Test
    void acceptedSampleOrderGivesTheAcceptedGoldenFile() throws Exception {
        CheckedInterchange c = new EnvelopeChecker().check(Files.readAllBytes(SAMPLES.resolve("orders-d96a.edi")));
        ContrlReport report = ContrlReports.verdict(c.header(), c.messages(), Map.of());
        assertThat(report.action()).isEqualTo(Action.ACKNOWLEDGED);
        assertThat(ContrlGoldenTest.build(report)).isEqualTo(golden("accepted"));
    }

    @Test
    void wrongUntCountGivesTheRejectedUntCountGoldenFile() throws Exception {
        CheckedInterchange c = new EnvelopeChecker().check(Files.readAllBytes(SAMPLES.resolve("bad-segment-count.edi")));
        MessageSlice m = c.messages().get(0);
        assertThat(m.findings()).isNotEmpty();
        ContrlReport report = ContrlReports.verdict(c.header(), c.messages(), Map.of(m.seq(), m.findings().get(0)));
        assertThat(ContrlGoldenTest.build(report)).isEqualTo(golden("rejected-unt-count"));
    }

    @Test
    void unzCountMismatchRejectsTheInterchangeWithCode29OnUnz() {
        CheckedInterchange c = check("UNA:+.? 'UNB+UNOC:3+5412345000013:14+4012345000009:14+261126:1200+ORD0000021'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-1+9'UNT+3+1'UNZ+2+ORD0000021'");
        ContrlReport report = ContrlReports.rejection(c.header(), c.firstFinding().orElseThrow());
        assertThat(report.action()).isEqualTo(Action.REJECTED);
        assertThat(report.messages()).isEmpty();
        assertThat(report.findings()).containsExactly(
                ContrlReport.Finding.onServiceSegment(SyntaxErrorCode.CONTROL_COUNT_DOES_NOT_MATCH, "UNZ"));
    }

    @Test
    void unknownSenderPointsAtUnbElementTwo() {
        CheckedInterchange c = check("UNB+UNOC:3+999:14+4012345000009:14+261126:1200+X1'UNH+1+ORDERS:D:96A:UN'BGM+220+P+9'UNT+3+1'UNZ+1+X1'");
        Finding unknown = Finding.of(EdifactFinding.UNKNOWN_SENDER, c.header().segment(), "sender 999:14");
        assertThat(ContrlReports.rejection(c.header(), unknown).findings())
                .containsExactly(ContrlReport.Finding.onServiceElement(SyntaxErrorCode.UNKNOWN_SENDER, "UNB", 2, null));
    }

    @Test
    void invalidSegmentTagInTheBodyIsReportedAtItsPositionFromUnh() {
        CheckedInterchange c = check("UNA:+.? 'UNB+UNOC:3+5412345000013:14+4012345000009:14+261126:1200+ORD0000030'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-1+9'DTM+137:20261126:102'xyz+1'UNT+5+1'UNZ+1+ORD0000030'");
        MessageSlice m = c.messages().get(0);
        Finding bad = m.findings().stream().filter(f -> f.kind() == EdifactFinding.INVALID_SEGMENT_TAG).findFirst().orElseThrow();
        ContrlReport report = ContrlReports.verdict(c.header(), c.messages(), Map.of(m.seq(), bad));
        assertThat(report.messages()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(Action.REJECTED);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.error()).isEqualTo(SyntaxErrorCode.INVALID_VALUE);
                assertThat(f.segmentPosition()).isEqualTo(bad.segmentPosition() - m.firstSegment() + 1);
                assertThat(f.segmentPosition()).isEqualTo(4);
            });
        });
    }
}
