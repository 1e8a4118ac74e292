package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SignalEngineTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 6);

    @Test
    void replayingTheSameInterchangeRaisesNothingTwice() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000141");
            EdifactMessage order = a.order(START);
            List<EdifactMessage> messages = List.of(order,
                    EdifactMessage.creditNote("AV-1", START.plusDays(3)).ref("IV", "FA-1").buyer(a.gln, null, null)
                            .line(AccountFixture.BRIDE, null, 2, "7.10").text("Vu chez Concurrent Inox"));
            List<AccountEvent> events = s.extract(messages, "R1");
            events.forEach(s.engine::accept);
            int signals = s.engine.signals().list().size();
            int history = s.engine.history().load(a.gln).events().size();
            assertThat(signals).isEqualTo(2);
            events.forEach(e -> assertThat(s.engine.accept(e)).isEmpty());
            assertThat(s.engine.signals().list()).hasSize(signals);
            assertThat(s.engine.history().load(a.gln).events()).hasSize(history);
        }
    }

    /**
     * The pipeline hands the tap the messages of one interchange together: accepting a batch must
     * raise exactly what accepting its events one by one raises (facts, signals and history of the
     * earlier events of the batch seen by the later ones).
     */
    @Test
    void acceptingInBatchesRaisesWhatAcceptingOneByOneRaises() {
        HistoryGenerator.History h = new HistoryGenerator(7, HistoryGenerator.Behaviour.values().length, START).generate();
        List<AccountEvent> events = SignalCatalogueEvaluationTest.eventsOf(h);
        SignalSettings settings = SignalSettings.load(java.nio.file.Path.of("config/signals.yaml"));
        List<String> single;
        List<String> batched;
        try (jakarta.persistence.EntityManagerFactory emf = SignalTestDatabase.create()) {
            SignalEngine engine = new SignalEngine(emf, settings);
            events.forEach(engine::accept);
            single = describe(engine.signals().list());
        }
        try (jakarta.persistence.EntityManagerFactory emf = SignalTestDatabase.create()) {
            SignalEngine engine = new SignalEngine(emf, settings);
            // one batch per account and business day, in the order the account's events came (the other accounts'
            // events of that day come before or after it: only business time is shared, and it is the same day)
            int multi = 0;
            for (int i = 0; i < events.size(); ) {
                java.time.LocalDate day = events.get(i).businessDate();
                int end = i;
                while (end < events.size() && events.get(end).businessDate().equals(day)) {
                    end++;
                }
                java.util.Map<String, List<AccountEvent>> byAccount = new java.util.LinkedHashMap<>();
                events.subList(i, end).forEach(e -> byAccount.computeIfAbsent(e.accountId(), k -> new java.util.ArrayList<>()).add(e));
                for (List<AccountEvent> batch : byAccount.values()) {
                    assertThat(engine.acceptAll(batch)).hasSize(batch.size());
                    multi += batch.size() > 1 ? 1 : 0;
                }
                i = end;
            }
            batched = describe(engine.signals().list());
            assertThat(multi).as("batches of more than one event").isGreaterThan(50);
        }
        assertThat(single).hasSizeGreaterThan(20);
        assertThat(batched).containsExactlyInAnyOrderElementsOf(single);
    }

    @Test
    void eachEventOfABatchIsEvaluatedAgainstTheEarlierOnes() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000143");
            long[] usual = {480, 500, 450, 470, 520, 490, 460};
            for (int i = 0; i < usual.length; i++) {
                s.add(a.bareOrder(START.plusWeeks(i)).line(AccountFixture.JOINT, "Joint torique 40mm", usual[i], "1.25"));
            }
            s.run();
            // seven orders are too few for LARGE_ORDER (min-history-orders 8): the eighth comes first in the same batch
            LocalDate day = START.plusWeeks(usual.length);
            List<AccountEvent> batch = s.extract(List.of(
                    a.bareOrder(day).line(AccountFixture.JOINT, "Joint torique 40mm", 495, "1.25"),
                    a.bareOrder(day).line(AccountFixture.JOINT, "Joint torique 40mm", 4000, "1.25")), "B1");
            List<List<Signal>> raised = s.engine.acceptAll(batch);
            assertThat(raised.get(0)).isEmpty();
            assertThat(raised.get(1)).extracting(Signal::type).containsExactly(SignalType.LARGE_ORDER);
            assertThat(s.engine.history().load(a.gln).orders()).hasSize(usual.length + 2);
        }
    }

    private static List<String> describe(List<Signal> signals) {
        return signals.stream().map(s -> s.type() + " " + s.accountId() + " " + s.businessDate() + " " + s.dedupKey()
                + " " + s.summary()).toList();
    }

    @Test
    void businessTimeIsTheNewestBusinessDateAndNeverGoesBack() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000142");
            s.add(a.order(START.plusDays(10))).add(a.order(START));
            s.run();
            assertThat(s.engine.businessTime()).contains(START.plusDays(10));
            s.advanceTo(START.plusDays(2));
            assertThat(s.engine.businessTime()).contains(START.plusDays(10));
        }
    }

    /**
     * The pipeline notes a batch's messages as tapped in the engine's last transaction ({@code finish}); the clock
     * moves in the same one. When that transaction fails nothing of the batch stays: not its events, not the
     * clock, not a signal; the batch run again is taken whole.
     */
    @Test
    void aBatchWhoseLastTransactionFailsLeavesNothingBehind() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000144");
            for (int i = 0; i < 8; i++) {
                s.add(a.bareOrder(START.plusWeeks(i)).line(AccountFixture.JOINT, "Joint torique 40mm", 500, "1.25"));
            }
            s.run();
            LocalDate before = s.engine.businessTime().orElseThrow();
            int signals = s.engine.signals().list().size();
            LocalDate day = START.plusWeeks(9);
            List<AccountEvent> batch = s.extract(List.of(
                    a.bareOrder(day).line(AccountFixture.JOINT, "Joint torique 40mm", 4000, "1.25"),
                    a.bareOrder(day).line(AccountFixture.JOINT, "Joint torique 40mm", 480, "1.25")), "B2");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.engine.acceptAll(batch, (em, raised) -> {
                throw new IllegalStateException("journal unavailable");
            })).hasMessage("journal unavailable");
            assertThat(s.engine.businessTime()).contains(before);
            assertThat(s.engine.history().load(a.gln).orders()).hasSize(8);
            assertThat(s.engine.signals().list()).hasSize(signals);

            List<List<Signal>> seen = new java.util.ArrayList<>();
            List<List<Signal>> raised = s.engine.acceptAll(batch, (em, r) -> seen.addAll(r));
            assertThat(seen).isEqualTo(raised).hasSize(2);
            assertThat(raised.get(0)).extracting(Signal::type).contains(SignalType.LARGE_ORDER);
            assertThat(s.engine.businessTime()).contains(day);
            assertThat(s.engine.history().load(a.gln).orders()).hasSize(10);
        }
    }
    /**
     * Two accounts' first events, tapped at the same moment by two consumers (two instances' engines on one store):
     * both move business time from nothing. The first holds its transaction open until the second waits on it; the
     * second waits for the clock's row and goes on, where it used to insert a second first row and fail on the
     * primary key (the batch redelivered, an error in the log).
     */
    @Test
    void twoAccountsFirstEventsAtOnceBothGoThrough() throws Exception {
        try (EngineScenario s = new EngineScenario()) {
            SignalEngine other = new SignalEngine(s.emf, s.settings);
            AccountFixture a = new AccountFixture("5410000000145");
            AccountFixture b = new AccountFixture("5410000000146");
            List<AccountEvent> first = s.extract(List.of(a.order(START)), "C1");
            List<AccountEvent> second = s.extract(List.of(b.order(START)), "C2");
            java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                // the first commits only once the other engine's transaction waits for it (H2 names the blocking session)
                java.util.concurrent.Future<List<List<Signal>>> held = pool.submit(() -> s.engine.acceptAll(first, (em, raised) -> {
                    inside.countDown();
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(20))
                            .until(() -> ((Number) em.createNativeQuery(
                                    "select count(*) from information_schema.sessions where blocker_id is not null")
                                    .getSingleResult()).intValue() > 0);
                }));
                assertThat(inside.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(other.acceptAll(second)).hasSize(1);
                assertThat(held.get(30, java.util.concurrent.TimeUnit.SECONDS)).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(s.engine.businessTime()).contains(START);
            assertThat(s.engine.history().load(a.gln).orders()).hasSize(1);
            assertThat(s.engine.history().load(b.gln).orders()).hasSize(1);
        }
    }

    @Test
    void noBusinessTimeBeforeTheFirstEvent() {
        try (EngineScenario s = new EngineScenario()) {
            assertThat(s.engine.businessTime()).isEmpty();
        }
    }
}
