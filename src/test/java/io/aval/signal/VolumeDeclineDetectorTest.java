package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;

import org.junit.jupiter.api.Test;

class VolumeDeclineDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    private static EdifactMessage order(AccountFixture a, LocalDate d, double factor) {
        return a.bareOrder(d).line(AccountFixture.JOINT, "Joint torique 40mm", Math.round(480 * factor), "1.25")
                .line(AccountFixture.BRIDE, "Bride inox DN50", Math.round(24 * factor), "7.10");
    }

    @Test
    void firesWhenQuantitiesFallWhileTheAccountKeepsOrderingWeekly() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000021");
            for (int w = 0; w < 60; w++) {
                LocalDate d = START.plusWeeks(w);
                s.add(order(a, d, d.isBefore(LocalDate.of(2025, 10, 1)) ? 1.0 : 0.55));
            }
            s.run();
            assertThat(s.signals(SignalType.VOLUME_DECLINE)).singleElement().satisfies(sig -> {
                assertThat(sig.evidence()).containsEntry("scope", "account").containsEntry("baseline", "ewma-preceding-months");
                assertThat(sig.businessDate()).isBetween(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 10));
                assertThat(sig.summary()).contains("down");
            });
        }
    }

    @Test
    void seasonalDipThatLastYearAlsoHadIsNotADecline() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000022");
            for (int w = 0; w < 100; w++) {
                LocalDate d = START.plusWeeks(w);
                boolean summer = d.getMonth() == Month.JULY || d.getMonth() == Month.AUGUST;
                s.add(order(a, d, summer ? 0.4 : 1.0));
            }
            s.run();
            assertThat(s.signals(SignalType.VOLUME_DECLINE))
                    .noneMatch(sig -> sig.businessDate().getYear() == 2026);
        }
    }

    /**
     * An account with years of history: the evaluation reads only the months it compares (the window and the same
     * months last year), which must still be all there, with their quantities.
     */
    @Test
    void anOldAccountIsComparedWithTheSameMonthsLastYear() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000024");
            LocalDate decline = LocalDate.of(2028, 6, 1);
            for (int w = 0; w < 200; w++) {
                LocalDate d = START.plusWeeks(w);
                s.add(order(a, d, d.isBefore(decline) ? 1.0 : 0.5));
            }
            s.run();
            assertThat(s.signals(SignalType.VOLUME_DECLINE)).singleElement().satisfies(sig -> {
                assertThat(sig.evidence()).containsEntry("scope", "account").containsEntry("baseline", "same-period-last-year");
                assertThat(sig.businessDate()).isBetween(decline, decline.plusMonths(4));
                assertThat(Double.parseDouble((String) sig.evidence().get("recentQuantity")))
                        .isLessThan(0.6 * Double.parseDouble((String) sig.evidence().get("baselineQuantity")));
            });
        }
    }

    @Test
    void fewerOrdersIsNotADeclineOfQuantities() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000023");
            for (int w = 0; w < 40; w++) {
                s.add(order(a, START.plusWeeks(w), 1.0));
            }
            for (int w = 40; w < 60; w += 3) {
                s.add(order(a, START.plusWeeks(w), 1.0));
            }
            s.run();
            assertThat(s.signals(SignalType.VOLUME_DECLINE)).isEmpty();
        }
    }
}
