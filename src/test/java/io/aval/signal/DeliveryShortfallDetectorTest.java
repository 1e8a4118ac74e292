package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DeliveryShortfallDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    private static EdifactMessage despatch(AccountFixture a, String no, String order, LocalDate arrival, long joints) {
        return EdifactMessage.desadv(no, START.plusDays(2)).dtm("11", START.plusDays(2)).dtm("132", arrival)
                .ref("ON", order).buyer(a.gln, null, null)
                .deliverTo(a.siteGln, a.siteName, "12 rue des Docks", a.siteCity, a.sitePostcode, a.siteCountry)
                .line(AccountFixture.JOINT, null, joints, null).line(AccountFixture.BRIDE, null, 24, null);
    }

    @Test
    void firesOnShortDespatch() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000121");
            EdifactMessage order = a.order(START);
            s.add(order).add(despatch(a, "DES-1", order.number, START.plusDays(3), 300));
            s.run();
            assertThat(s.signals(SignalType.DELIVERY_SHORTFALL)).singleElement().satisfies(sig -> {
                assertThat(sig.function()).isEqualTo(DownstreamFunction.LOGISTICS);
                assertThat(sig.summary()).contains(AccountFixture.JOINT + ": 300 of 480");
            });
        }
    }

    @Test
    void firesOnLateArrival() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000122");
            EdifactMessage order = a.order(START);
            s.add(order).add(despatch(a, "DES-2", order.number, START.plusDays(10), 480));
            s.run();
            assertThat(s.signals(SignalType.DELIVERY_SHORTFALL)).singleElement().satisfies(sig ->
                    assertThat(sig.evidence()).containsEntry("daysLate", 3));
        }
    }

    @Test
    void fullOnTimeDespatchIsQuiet() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000123");
            EdifactMessage order = a.order(START);
            s.add(order).add(despatch(a, "DES-3", order.number, START.plusDays(5), 480));
            s.run();
            assertThat(s.signals(SignalType.DELIVERY_SHORTFALL)).isEmpty();
        }
    }
}
