package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ProductDroppedDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void firesWhenARegularProductDisappearsWhileOthersAreStillOrdered() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000031");
            a.orders(START, 10, 7).forEach(s::add);
            for (int i = 10; i < 16; i++) {
                s.add(a.bareOrder(START.plusWeeks(i)).line(AccountFixture.JOINT, "Joint torique 40mm", 480, "1.25"));
            }
            s.run();
            assertThat(s.signals(SignalType.PRODUCT_DROPPED)).singleElement().satisfies(sig -> {
                assertThat(sig.evidence()).containsEntry("product", AccountFixture.BRIDE).containsEntry("ordersWithout", 4);
                assertThat(sig.businessDate()).isEqualTo(START.plusWeeks(13));
                assertThat(sig.summary()).contains("Bride inox DN50");
            });
        }
    }

    @Test
    void occasionalProductMissingForAFewOrdersIsNotDropped() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000032");
            for (int i = 0; i < 24; i++) {
                EdifactMessage m = a.bareOrder(START.plusWeeks(i)).line(AccountFixture.JOINT, "Joint torique 40mm", 480, "1.25");
                if (i % 3 == 0 && i < 18) {
                    m.line(AccountFixture.VANNE, "Vanne 1/4 tour", 5, "42.00");
                }
                s.add(m);
            }
            s.run();
            assertThat(s.signals(SignalType.PRODUCT_DROPPED)).isEmpty();
        }
    }

    @Test
    void productsDroppedOnTheSameOrderComeInNameOrderAndALineTwiceInAnOrderCountsOnce() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000033");
            for (int i = 0; i < 10; i++) {
                EdifactMessage m = a.bareOrder(START.plusWeeks(i)).line(AccountFixture.VANNE, "Vanne 1/4 tour", 5, "42.00")
                        .line(AccountFixture.JOINT, "Joint torique 40mm", 480, "1.25").line(AccountFixture.BRIDE, "Bride inox DN50", 24, "7.10");
                if (i == 3) {
                    m.line(AccountFixture.BRIDE, "Bride inox DN50", 12, "7.10");
                }
                s.add(m);
            }
            for (int i = 10; i < 16; i++) {
                s.add(a.bareOrder(START.plusWeeks(i)).line(AccountFixture.JOINT, "Joint torique 40mm", 480, "1.25"));
            }
            s.run();
            assertThat(s.signals(SignalType.PRODUCT_DROPPED)).extracting(sig -> sig.evidence().get("product"))
                    .containsExactly(AccountFixture.BRIDE, AccountFixture.VANNE);
            assertThat(s.signals(SignalType.PRODUCT_DROPPED)).allSatisfy(sig -> {
                assertThat(sig.evidence()).containsEntry("appearances", 10).containsEntry("ordersWithout", 4)
                        .containsEntry("sharePercent", 100);
                assertThat(sig.businessDate()).isEqualTo(START.plusWeeks(13));
            });
        }
    }
}
