package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LargeOrderDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);
    private static final long[] NOISE = {480, 500, 450, 470, 520, 490, 460, 510, 480, 495, 505, 470};

    /**
     * The check that stops most orders before any sort says "at most factor × median" only when the median computed in full
     * says so too: over random samples (ties, zeros, odd and even sizes, values at the threshold), never a yes where the full
     * test says no, and a yes whenever the lower of the two middle values settles it.
     */
    @Test
    void theQuickMedianCheckNeverStopsAnOrderTheFullTestWouldLetThrough() {
        java.util.Random random = new java.util.Random(42);
        int stopped = 0;
        int atMost = 0;
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + random.nextInt(40);
            // a few slots past n, as the detector's array has for orders without a value: not part of the sample
            double[] values = new double[n + 3];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(1000) / 4.0;
            }
            double factor = new double[] {0, 1, 2.5, 3}[random.nextInt(4)];
            double[] sorted = java.util.Arrays.copyOf(values, n);
            java.util.Arrays.sort(sorted);
            double median = io.aval.signal.internal.Stats.percentileOfSorted(sorted, 50);
            double value = random.nextBoolean() ? factor * sorted[random.nextInt(n)] : random.nextInt(4000) / 4.0;
            boolean full = value <= factor * median;
            boolean quick = LargeOrderDetector.belowFactorOfMedian(value, factor, values, n);
            assertThat(!quick || full).as("value %s, factor %s, sample %s", value, factor, java.util.Arrays.toString(sorted)).isTrue();
            if (quick) {
                stopped++;
            }
            // and it says yes whenever the lower middle value alone settles it
            double lowerMiddle = sorted[(int) Math.floor(0.5 * (n - 1))];
            assertThat(quick).as("value %s, factor %s, sample %s", value, factor, java.util.Arrays.toString(sorted))
                    .isEqualTo(value <= factor * lowerMiddle);
            if (full) {
                atMost++;
            }
        }
        assertThat(stopped).isGreaterThan(5_000);
        assertThat(atMost).isGreaterThan(1_000);
    }

    @Test
    void firesOnAnOrderFarAboveTheAccountsHistory() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000061");
            for (int i = 0; i < NOISE.length; i++) {
                s.add(a.bareOrder(START.plusWeeks(i)).line(AccountFixture.JOINT, "Joint torique 40mm", NOISE[i], "1.25"));
            }
            s.add(a.bareOrder(START.plusWeeks(12)).line(AccountFixture.JOINT, "Joint torique 40mm", 4000, "1.25"));
            s.run();
            assertThat(s.signals(SignalType.LARGE_ORDER)).singleElement().satisfies(sig -> {
                assertThat(sig.severity()).isEqualTo(Severity.HIGH);
                assertThat(sig.evidence()).containsEntry("orderValue", "5000");
                assertThat(sig.summary()).contains("market won");
            });
        }
    }

    @Test
    void comparesWithTheAccountsRecentOrdersNotItsWholePast() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000064");
            int old = 30;
            int recent = s.settings.largeOrder.baselineOrders;
            // years ago the account ordered in bulk; its last baseline-orders orders are small ones
            for (int i = 0; i < old; i++) {
                s.add(a.bareOrder(START.plusDays(i)).line(AccountFixture.JOINT, "Joint torique 40mm", 6000, "1.25"));
            }
            for (int i = 0; i < recent; i++) {
                s.add(a.bareOrder(START.plusDays(old + i)).line(AccountFixture.JOINT, "Joint torique 40mm",
                        NOISE[i % NOISE.length], "1.25"));
            }
            s.add(a.bareOrder(START.plusDays(old + recent)).line(AccountFixture.JOINT, "Joint torique 40mm", 4000, "1.25"));
            s.run();
            assertThat(s.signals(SignalType.LARGE_ORDER)).singleElement()
                    .satisfies(sig -> assertThat(sig.evidence()).containsEntry("ordersInHistory", recent));
        }
    }

    @Test
    void theAccountsUsualBigQuarterlyOrderIsNotLarge() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000062");
            for (int i = 0; i < 40; i++) {
                long qty = i % 6 == 0 ? NOISE[i % NOISE.length] * 4 : NOISE[i % NOISE.length];
                s.add(a.bareOrder(START.plusWeeks(i)).line(AccountFixture.JOINT, "Joint torique 40mm", qty, "1.25"));
            }
            s.run();
            assertThat(s.signals(SignalType.LARGE_ORDER)).isEmpty();
        }
    }

    @Test
    void identicalOrdersZeroSpreadStillAllowADecision() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000063");
            a.orders(START, 10, 7).forEach(s::add);
            s.add(a.order(START.plusWeeks(10)));
            s.run();
            assertThat(s.signals(SignalType.LARGE_ORDER)).isEmpty();
        }
    }
}
