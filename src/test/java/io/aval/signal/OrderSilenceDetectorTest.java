package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class OrderSilenceDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void firesWhenAWeeklyAccountStopsOrdering() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000011");
            a.orders(START, 10, 7).forEach(s::add);
            s.run();
            LocalDate last = START.plusDays(63);
            s.advanceTo(last.plusDays(25));
            assertThat(s.signals(SignalType.ORDER_SILENCE)).isEmpty();
            s.advanceTo(last.plusDays(45));
            assertThat(s.signals(SignalType.ORDER_SILENCE)).singleElement().satisfies(sig -> {
                assertThat(sig.businessDate()).isEqualTo(last.plusDays(31));
                assertThat(sig.function()).isEqualTo(DownstreamFunction.ADV);
                assertThat(sig.evidence()).containsEntry("lastOrderDate", last.toString())
                        .containsEntry("thresholdDays", 30);
            });
            s.advanceTo(last.plusDays(90));
            assertThat(s.signals(SignalType.ORDER_SILENCE)).hasSize(1);
        }
    }

    @Test
    void staysQuietOverAHolidayGapWithinTheAccountsCadence() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000012");
            a.orders(START, 12, 7).forEach(s::add);
            LocalDate back = START.plusDays(77 + 21);
            a.orders(back, 6, 7).forEach(s::add);
            s.run();
            s.advanceTo(back.plusDays(40));
            assertThat(s.signals(SignalType.ORDER_SILENCE)).allSatisfy(sig ->
                    assertThat(sig.businessDate()).isAfter(back));
        }
    }

    @Test
    void sameSeasonGapLastYearRaisesTheBar() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000013");
            // year 1: weekly, with a 6-week summer stop from 2025-07-25
            a.orders(START, 29, 7).forEach(s::add);                       // last 2025-07-21
            a.orders(LocalDate.of(2025, 9, 1), 48, 7).forEach(s::add);     // to 2026-07-27
            s.run();
            s.advanceTo(LocalDate.of(2025, 9, 2));
            long year1 = s.signals(SignalType.ORDER_SILENCE).size();
            assertThat(year1).isEqualTo(1);                               // first time: a real surprise
            s.advanceTo(LocalDate.of(2026, 9, 5));                          // same stop this year: 40 days
            assertThat(s.signals(SignalType.ORDER_SILENCE)).hasSize(1);
        }
    }

    @Test
    void datesOutOfOrderOrRepeatedGiveTheSameSignalAsDistinctAscendingOnes() {
        SignalSettings settings = SignalSettings.defaults();
        Random random = new Random(7);
        List<LocalDate> ordered = new ArrayList<>();
        LocalDate d = START;
        for (int i = 0; i < 40; i++) {
            ordered.add(d);
            d = d.plusDays(5 + random.nextInt(6));
        }
        LocalDate asOf = d.plusDays(60);
        List<LocalDate> shuffled = new ArrayList<>(ordered);
        shuffled.addAll(ordered.subList(3, 9));
        Collections.shuffle(shuffled, random);
        OrderSilenceDetector detector = new OrderSilenceDetector();

        List<Signal> fromOrdered = detector.onBusinessTime("A", ordered, asOf, settings);
        List<Signal> fromShuffled = detector.onBusinessTime("A", shuffled, asOf, settings);

        assertThat(fromOrdered).singleElement().satisfies(sig ->
                assertThat(sig.evidence()).containsEntry("ordersSeen", 40));
        assertThat(fromShuffled).singleElement().satisfies(sig -> {
            assertThat(sig.evidence()).isEqualTo(fromOrdered.get(0).evidence());
            assertThat(sig.businessDate()).isEqualTo(fromOrdered.get(0).businessDate());
        });
        assertThat(OrderSilenceDetector.distinctAscendingDays(shuffled))
                .containsExactly(ordered.stream().mapToLong(LocalDate::toEpochDay).toArray());
    }
}
