package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NewProductDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void firesOnTheFirstOrderOfAProductAfterLearning() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000071");
            a.orders(START, 12, 7).forEach(s::add);
            s.add(a.order(START.plusWeeks(12)).line(AccountFixture.VANNE, "Vanne 1/4 tour", 5, "42.00"));
            s.add(a.order(START.plusWeeks(13)).line(AccountFixture.VANNE, "Vanne 1/4 tour", 5, "42.00"));
            s.run();
            assertThat(s.signals(SignalType.NEW_PRODUCT)).singleElement().satisfies(sig -> {
                assertThat(sig.severity()).isEqualTo(Severity.LOW);
                assertThat(sig.evidence()).containsEntry("product", AccountFixture.VANNE);
                assertThat(sig.summary()).contains("Vanne 1/4 tour");
            });
        }
    }

    @Test
    void productsOfTheLearningPeriodAndReturningProductsAreNotNew() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000072");
            s.add(a.order(START).line(AccountFixture.VANNE, "Vanne 1/4 tour", 5, "42.00"));
            a.orders(START.plusWeeks(1), 20, 7).forEach(s::add);
            s.add(a.order(START.plusWeeks(30)).line(AccountFixture.VANNE, "Vanne 1/4 tour", 5, "42.00"));
            s.run();
            assertThat(s.signals(SignalType.NEW_PRODUCT)).isEmpty();
        }
    }
}
