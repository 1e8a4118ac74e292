package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NewDeliverySiteDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void firesOnADeliverySiteNeverSeenForTheAccount() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000041");
            a.orders(START, 12, 7).forEach(s::add);
            a.siteGln = "5412345000112";
            a.siteName = "Acme Usine Grenoble";
            a.siteCity = "Grenoble";
            a.sitePostcode = "38000";
            s.add(a.order(START.plusWeeks(12)));
            s.add(a.order(START.plusWeeks(13)));
            s.run();
            assertThat(s.signals(SignalType.NEW_DELIVERY_SITE)).singleElement().satisfies(sig -> {
                assertThat(sig.function()).isEqualTo(DownstreamFunction.LOGISTICS);
                assertThat(sig.evidence()).containsEntry("site", "5412345000112");
                assertThat(sig.summary()).contains("Acme Usine Grenoble").contains("Grenoble");
            });
            assertThat(s.signals(SignalType.NEW_EXPORT_DESTINATION)).isEmpty();
        }
    }

    @Test
    void siteReturningAfterALongPauseIsNotNew() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000042");
            a.siteGln = "5412345000129";
            a.siteName = "Acme Depot Nord";
            a.orders(START, 3, 7).forEach(s::add);
            a.siteGln = "5412345000099";
            a.siteName = "Acme Entrepot Lyon";
            a.orders(START.plusWeeks(3), 30, 7).forEach(s::add);
            a.siteGln = "5412345000129";
            a.siteName = "Acme Depot Nord";
            s.add(a.order(START.plusWeeks(40)));
            s.run();
            assertThat(s.signals(SignalType.NEW_DELIVERY_SITE)).isEmpty();
        }
    }
}
