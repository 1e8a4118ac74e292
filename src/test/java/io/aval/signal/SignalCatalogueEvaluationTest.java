package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import jakarta.persistence.EntityManagerFactory;

/**
 * Generates two years of traffic for 54 accounts (three per planted behaviour, hard negatives included),
 * runs it through the EDIFACT reader, the extractor and the engine, and scores the signals of the second
 * year against the ground truth. Year one is the learning history: its signals are counted apart.
 * Size with {@code -Dsignals.eval.accounts=N}.
 */
class SignalCatalogueEvaluationTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    @Test
    void detectsThePlantedBehavioursAndNotTheHardNegatives() throws Exception {
        int accounts = Integer.getInteger("signals.eval.accounts", 3 * HistoryGenerator.Behaviour.values().length);
        long t0 = System.nanoTime();
        HistoryGenerator.History h = new HistoryGenerator(42, accounts, START).generate();
        HistoryGenerator.writeTo(h, Path.of("target/signal-history"));

        EdifactFixtureParser.parse(h.interchanges().get(0).text()); // warm the reader before timing
        long tParse = System.nanoTime();
        List<AccountEvent> events = eventsOf(h);
        double parseSeconds = (System.nanoTime() - tParse) / 1e9;

        List<Signal> signals;
        long tEngine = System.nanoTime();
        try (EntityManagerFactory emf = SignalTestDatabase.create()) {
            SignalEngine engine = new SignalEngine(emf, SignalSettings.load(Path.of("config/signals.yaml")));
            for (AccountEvent e : events) {
                engine.accept(e);
            }
            engine.advanceBusinessTime(h.end().plusDays(1));
            signals = engine.signals().list();
        }
        double engineSeconds = (System.nanoTime() - tEngine) / 1e9;

        CatalogueScore score = new CatalogueScore(h, accounts, signals);
        String out = score.report("Signal catalogue on generated history")
                + String.format("parse (Aval reader via Smooks) %.1f s (%.0f msg/s), engine %.1f s (%.0f events/s), total %.1f s%n",
                        parseSeconds, h.messageCount() / parseSeconds, engineSeconds, events.size() / engineSeconds,
                        (System.nanoTime() - t0) / 1e9);
        System.out.println(out);
        java.nio.file.Files.writeString(Path.of("target/signal-history/evaluation.txt"), out);
        score.assertGood();
    }

    /** The generated history's messages as account events, in the order the engine takes them (business date, type, account). */
    static List<AccountEvent> eventsOf(HistoryGenerator.History h) {
        AccountEventExtractor extractor = new AccountEventExtractor();
        List<AccountEvent> events = new ArrayList<>();
        for (HistoryGenerator.Interchange x : h.interchanges()) {
            List<Element> ms = EdifactFixtureParser.messages(EdifactFixtureParser.parse(x.text()));
            assertThat(ms).hasSize(x.messages().size());
            for (int i = 0; i < ms.size(); i++) {
                EdifactMessage m = x.messages().get(i);
                Direction dir = "ORDERS".equals(m.type) ? Direction.INBOUND : Direction.OUTBOUND;
                events.add(extractor.extract(ms.get(i), m.buyer, dir, x.reference() + "/" + (i + 1)));
            }
        }
        events.sort(Comparator.comparing(AccountEvent::businessDate)
                .thenComparing(e -> EngineScenario.rank(e.messageType())).thenComparing(AccountEvent::accountId));
        return events;
    }
}
