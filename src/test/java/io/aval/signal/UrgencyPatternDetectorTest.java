package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class UrgencyPatternDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void firesWhenMostRecentOrdersAskForDeliveryFasterThanNormal() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000081");
            a.orders(START, 12, 7).forEach(s::add);
            a.leadDays = 1;
            a.orders(START.plusWeeks(12), 5, 7).forEach(s::add);
            s.run();
            assertThat(s.signals(SignalType.URGENCY_PATTERN)).singleElement().satisfies(sig -> {
                assertThat(sig.businessDate()).isEqualTo(START.plusWeeks(14));
                assertThat(sig.evidence()).containsEntry("normalLeadDays", 7.0);
                assertThat(sig.summary()).contains("3 of the last 5 orders");
            });
        }
    }

    /**
     * The normal lead time is the account's usual one today: after a hundred orders at seven days, two-day orders are
     * urgent, whatever lead times the account asked for long before (over the whole history the median would still
     * be thirty days, the seven-day orders would have counted as urgent, and the two-day ones would be no new pattern).
     */
    @Test
    void theNormalLeadTimeIsTheAccountsRecentOne() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000083");
            a.leadDays = 30;
            a.orders(START, 150, 1).forEach(s::add);
            a.leadDays = 7;
            a.orders(START.plusDays(150), 100, 1).forEach(s::add);
            a.leadDays = 2;
            a.orders(START.plusDays(250), 5, 1).forEach(s::add);
            s.run();
            assertThat(s.signals(SignalType.URGENCY_PATTERN)).last().satisfies(sig -> {
                assertThat(sig.evidence()).containsEntry("normalLeadDays", 7.0);
                assertThat(sig.businessDate()).isEqualTo(START.plusDays(252));
            });
        }
    }

    @Test
    void anOccasionalRushOrderIsNotAPattern() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000082");
            for (int i = 0; i < 30; i++) {
                a.leadDays = i % 4 == 3 ? 1 : 7;
                s.add(a.order(START.plusWeeks(i)));
            }
            s.run();
            assertThat(s.signals(SignalType.URGENCY_PATTERN)).isEmpty();
        }
    }
}
