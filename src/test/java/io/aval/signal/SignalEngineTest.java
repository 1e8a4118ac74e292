package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignalEngineTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void replayingTheSameInterchangeRaisesNothingTwice() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000141");
            EdifactMessage order = a.order(START);
            List<EdifactMessage> messages = List.of(order,
                    EdifactMessage.creditNote("AV-1", START.plusDays(3)).ref("IV", "FA-1").buyer(a.gln, null, null)
                            .line(AccountFixture.BRIDE, null, 2, "7.10").text("Vu chez Concurrent Inox"));
            List<AccountEvent> events = s.extract(messages, "R1");
            events.forEach(s.engine::accept);
            int signals = s.engine.signals().list().size();
            int history = s.engine.history().load(a.gln).events().size();
            assertThat(signals).isEqualTo(2);
            events.forEach(e -> assertThat(s.engine.accept(e)).isEmpty());
            assertThat(s.engine.signals().list()).hasSize(signals);
            assertThat(s.engine.history().load(a.gln).events()).hasSize(history);
        }
    }

    @Test
    void businessTimeIsTheNewestBusinessDateAndNeverGoesBack() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000142");
            s.add(a.order(START.plusDays(10))).add(a.order(START));
            s.run();
            assertThat(s.engine.businessTime()).contains(START.plusDays(10));
            s.advanceTo(START.plusDays(2));
            assertThat(s.engine.businessTime()).contains(START.plusDays(10));
        }
    }
}
