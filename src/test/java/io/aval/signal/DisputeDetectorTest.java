package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DisputeDetectorTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void everyCreditNoteIsADisputeAndThirdInAQuarterIsHigh() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000091");
            a.orders(START, 3, 7).forEach(s::add);
            for (int i = 0; i < 3; i++) {
                s.add(EdifactMessage.creditNote("AV-" + i, START.plusDays(20 + 10L * i)).ref("IV", "FA-" + i)
                        .buyer(a.gln, null, null).line(AccountFixture.BRIDE, null, 2, "7.10")
                        .total("77", new BigDecimal("14.20")).text("Brides livrees rayees"));
            }
            s.run();
            assertThat(s.signals(SignalType.DISPUTE)).hasSize(3).allSatisfy(sig ->
                    assertThat(sig.function()).isEqualTo(DownstreamFunction.SAV));
            Signal first = s.signals(SignalType.DISPUTE).get(0);
            assertThat(first.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(first.summary()).contains("AV-0").contains("14.2").contains("FA-0").contains("Brides livrees rayees");
            assertThat(s.signals(SignalType.DISPUTE).get(2).severity()).isEqualTo(Severity.HIGH);
        }
    }

    @Test
    void receiptBelowDespatchIsADispute() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000093");
            s.add(EdifactMessage.recadv("REC-1", START).ref("DQ", "DES-1").buyer(a.gln, null, null)
                    .receivedLine(AccountFixture.JOINT, 400, 480));
            s.run();
            assertThat(s.signals(SignalType.DISPUTE)).singleElement().satisfies(sig ->
                    assertThat(sig.summary()).contains("received 400 of 480"));
        }
    }

    @Test
    void ordinaryInvoicesAndCleanReceiptsAreNotDisputes() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000092");
            s.add(EdifactMessage.invoice("FA-1", START).ref("ON", "PO-1").buyer(a.gln, null, null)
                    .line(AccountFixture.BRIDE, null, 24, "7.10"));
            s.add(EdifactMessage.recadv("REC-2", START).ref("DQ", "DES-2").buyer(a.gln, null, null)
                    .receivedLine(AccountFixture.JOINT, 480, 480));
            s.run();
            assertThat(s.signals(SignalType.DISPUTE)).isEmpty();
        }
    }
}
