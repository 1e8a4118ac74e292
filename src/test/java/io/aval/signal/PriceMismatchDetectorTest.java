package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PriceMismatchDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    private static EdifactMessage invoice(AccountFixture a, String order, String bridePrice) {
        return EdifactMessage.invoice("FA-" + order, START.plusDays(4)).ref("ON", order).buyer(a.gln, null, null)
                .line(AccountFixture.JOINT, null, 480, "1.25").line(AccountFixture.BRIDE, null, 24, bridePrice);
    }

    @Test
    void firesWhenTheInvoiceIgnoresTheOrderedPrice() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000101");
            EdifactMessage order = a.order(START);
            s.add(order).add(invoice(a, order.number, "7.50"));
            s.run();
            assertThat(s.signals(SignalType.PRICE_MISMATCH)).singleElement().satisfies(sig -> {
                assertThat(sig.summary()).contains("FA-" + order.number).contains("7.5").contains("7.1");
                assertThat(sig.evidence()).containsEntry("amountDifference", "9.60");
            });
        }
    }

    @Test
    void invoiceAtTheOrderedPriceWithinToleranceIsQuiet() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000102");
            EdifactMessage o1 = a.order(START);
            EdifactMessage o2 = a.order(START.plusDays(1));
            s.add(o1).add(o2).add(invoice(a, o1.number, "7.10")).add(invoice(a, o2.number, "7.12"));
            s.run();
            assertThat(s.signals(SignalType.PRICE_MISMATCH)).isEmpty();
        }
    }

    @Test
    void agreedPriceListWinsOverTheOrderedPrice() {
        SignalSettings settings = SignalSettings.load(new ByteArrayInputStream("""
                agreed-prices:
                  "5410000000103":
                    "4000862141411": 6.75
                """.getBytes(StandardCharsets.UTF_8)));
        try (EngineScenario s = new EngineScenario(settings)) {
            AccountFixture a = new AccountFixture("5410000000103");
            EdifactMessage order = a.order(START);
            s.add(order).add(invoice(a, order.number, "7.10"));
            s.run();
            assertThat(s.signals(SignalType.PRICE_MISMATCH)).singleElement().satisfies(sig ->
                    assertThat(sig.summary()).contains("agreed price list says 6.75"));
        }
    }
}
