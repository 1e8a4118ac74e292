package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NewExportDestinationDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    private static void milan(AccountFixture a) {
        a.siteGln = "5412345000204";
        a.siteName = "Acme Italia Magazzino";
        a.siteCity = "Milano";
        a.sitePostcode = "20121";
        a.siteCountry = "IT";
    }

    @Test
    void firesOnTheFirstDeliveryToANewCountry() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000051");
            a.orders(START, 12, 7).forEach(s::add);
            milan(a);
            s.add(a.order(START.plusWeeks(12)));
            s.run();
            assertThat(s.signals(SignalType.NEW_EXPORT_DESTINATION)).singleElement().satisfies(sig -> {
                assertThat(sig.evidence()).containsEntry("country", "IT");
                assertThat(sig.summary()).contains("IT").contains("Milano");
            });
            assertThat(s.signals(SignalType.NEW_DELIVERY_SITE)).hasSize(1);
        }
    }

    @Test
    void countrySeenDuringLearningIsNotNew() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000052");
            milan(a);
            s.add(a.order(START));
            a.siteGln = "5412345000099";
            a.siteName = "Acme Entrepot Lyon";
            a.siteCity = "Lyon";
            a.sitePostcode = "69007";
            a.siteCountry = "FR";
            a.orders(START.plusWeeks(1), 20, 7).forEach(s::add);
            milan(a);
            s.add(a.order(START.plusWeeks(30)));
            s.run();
            assertThat(s.signals(SignalType.NEW_EXPORT_DESTINATION)).isEmpty();
        }
    }
}
