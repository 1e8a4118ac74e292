package io.aval.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.edifact.ContrlReport;
import io.aval.edifact.ContrlReport.Action;
import io.aval.edifact.ContrlReport.Finding;
import io.aval.edifact.SyntaxErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the journal says about a partner's CONTRL: its verdict and its 0085 codes in words. */
class AcknowledgementTrackerTest {

    private static ContrlReport report(Action uci, List<Finding> findings, List<ContrlReport.MessageReport> messages) {
        return new ContrlReport("4012345000009", "14", "5412345000013", "14", "00000000000042", "UNOC", 3, uci, findings, messages);
    }

    @Test
    void acceptanceIsAcknowledged() {
        ContrlReport r = report(Action.ACKNOWLEDGED, List.of(), List.of());
        assertThat(AcknowledgementTracker.rejected(r)).isFalse();
        assertThat(AcknowledgementTracker.describe("acme", r)).isEqualTo("partner acme acknowledged interchange 00000000000042");
    }

    @Test
    void interchangeRejectionNamesTheCodeAndTheServiceSegment() {
        ContrlReport r = report(Action.REJECTED, List.of(Finding.onServiceSegment(SyntaxErrorCode.CONTROL_COUNT_DOES_NOT_MATCH, "UNZ")), List.of());
        assertThat(AcknowledgementTracker.rejected(r)).isTrue();
        assertThat(AcknowledgementTracker.describe("acme", r)).isEqualTo("partner acme rejected interchange 00000000000042: "
                + "interchange: 29 control count does not match number of instances received in UNZ");
    }

    @Test
    void rejectedMessageInAnAcknowledgedInterchangeIsARejection() {
        ContrlReport r = report(Action.ACKNOWLEDGED, List.of(), List.of(new ContrlReport.MessageReport("3", "DESADV", "D", "96A",
                "UN", null, Action.REJECTED, List.of(Finding.inBody(SyntaxErrorCode.MISSING, 7, null, 2, null)))));
        assertThat(AcknowledgementTracker.rejected(r)).isTrue();
        assertThat(AcknowledgementTracker.describe("acme", r)).isEqualTo("partner acme rejected interchange 00000000000042: "
                + "message 3 (DESADV): 13 missing at segment 7, element 2");
    }
}
