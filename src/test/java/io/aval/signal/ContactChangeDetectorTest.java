package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ContactChangeDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void firesWhenAnEstablishedBuyerIsReplacedBySomeoneNew() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000131");
            a.orders(START, 12, 7).forEach(s::add);
            a.contact = "Paul Martin";
            a.email = "paul.martin@acme.example";
            a.orders(START.plusWeeks(12), 3, 7).forEach(s::add);
            s.run();
            assertThat(s.signals(SignalType.CONTACT_CHANGE)).singleElement().satisfies(sig -> {
                assertThat(sig.summary()).contains("Paul Martin").contains("Marie Dupont");
                assertThat(sig.evidence()).containsEntry("previousOrders", 12);
            });
        }
    }

    @Test
    void alternatingBetweenKnownBuyersIsNotAChange() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000132");
            for (int i = 0; i < 20; i++) {
                a.contact = i % 2 == 0 ? "Marie Dupont" : "Paul Martin";
                s.add(a.order(START.plusWeeks(i)));
            }
            s.run();
            assertThat(s.signals(SignalType.CONTACT_CHANGE)).isEmpty();
        }
    }
}
