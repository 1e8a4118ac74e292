package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CompetitorMentionDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void findsACompetitorWhateverTheAccentsAndCase() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000111");
            s.add(EdifactMessage.creditNote("AV-9", START).ref("IV", "FA-9").buyer(a.gln, null, null)
                    .line(AccountFixture.BRIDE, null, 2, "7.10")
                    .text("Brides rayées, le client a dépanné avec du matériel CONCURRENT-INÖX"));
            s.add(a.order(START.plusDays(1)).text("Livrer comme d'habitude, sinon on passe chez rivale industrie"));
            s.run();
            assertThat(s.signals(SignalType.COMPETITOR_MENTION)).hasSize(2).satisfiesExactly(
                    sig -> {
                        assertThat(sig.evidence()).containsEntry("competitor", "Concurrent Inox");
                        assertThat(sig.function()).isEqualTo(DownstreamFunction.SAV);
                    },
                    sig -> assertThat(sig.evidence()).containsEntry("competitor", "Rivale Industrie"));
        }
    }

    @Test
    void wordsThatMerelyContainANameDoNotCount() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000112");
            s.add(a.order(START).text("Prix concurrentiel demande; inox 316L uniquement"));
            s.run();
            assertThat(s.signals(SignalType.COMPETITOR_MENTION)).isEmpty();
        }
    }
}
