package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

        AccountEventExtractor extractor = new AccountEventExtractor();
        List<AccountEvent> events = new ArrayList<>();
        EdifactFixtureParser.parse(h.interchanges().get(0).text()); // warm the reader before timing
        long tParse = System.nanoTime();
        for (HistoryGenerator.Interchange x : h.interchanges()) {
            Document doc = EdifactFixtureParser.parse(x.text());
            List<Element> ms = EdifactFixtureParser.messages(doc);
            assertThat(ms).hasSize(x.messages().size());
            for (int i = 0; i < ms.size(); i++) {
                EdifactMessage m = x.messages().get(i);
                Direction dir = "ORDERS".equals(m.type) ? Direction.INBOUND : Direction.OUTBOUND;
                events.add(extractor.extract(ms.get(i), m.buyer, dir, x.reference() + "/" + (i + 1)));
            }
        }
        double parseSeconds = (System.nanoTime() - tParse) / 1e9;
        events.sort(Comparator.comparing(AccountEvent::businessDate)
                .thenComparing(e -> EngineScenario.rank(e.messageType())).thenComparing(AccountEvent::accountId));

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

        LocalDate yearTwo = START.plusYears(1);
        Map<SignalType, int[]> table = new EnumMap<>(SignalType.class); // tp, fp, fn
        Set<HistoryGenerator.Expected> matched = new HashSet<>();
        Map<SignalType, Integer> warmUp = new EnumMap<>(SignalType.class);
        List<Signal> falsePositives = new ArrayList<>();
        List<Signal> learningYear = new ArrayList<>();
        for (Signal s : signals) {
            if (s.businessDate().isBefore(yearTwo)) {
                warmUp.merge(s.type(), 1, Integer::sum);
                learningYear.add(s);
                continue;
            }
            HistoryGenerator.Expected hit = null;
            for (HistoryGenerator.Expected e : h.truth()) {
                if (!matched.contains(e) && matches(e, s)) {
                    hit = e;
                    break;
                }
            }
            int[] row = table.computeIfAbsent(s.type(), k -> new int[3]);
            if (hit != null) {
                matched.add(hit);
                row[0]++;
            } else {
                row[1]++;
                falsePositives.add(s);
            }
        }
        List<HistoryGenerator.Expected> missed = new ArrayList<>();
        for (HistoryGenerator.Expected e : h.truth()) {
            if (!matched.contains(e)) {
                table.computeIfAbsent(e.type(), k -> new int[3])[2]++;
                missed.add(e);
            }
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format("%nSignal catalogue on generated history: %d accounts, %d interchanges, %d messages, %s..%s%n",
                accounts, h.interchanges().size(), h.messageCount(), h.start(), h.end()));
        out.append(String.format("parse (Aval reader via Smooks) %.1f s (%.0f msg/s), engine %.1f s (%.0f events/s), total %.1f s%n",
                parseSeconds, h.messageCount() / parseSeconds, engineSeconds, events.size() / engineSeconds,
                (System.nanoTime() - t0) / 1e9));
        out.append(String.format("%-24s %5s %5s %5s %9s %7s%n", "type (year 2)", "TP", "FP", "FN", "precision", "recall"));
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<SignalType, int[]> e : table.entrySet()) {
            int[] r = e.getValue();
            tp += r[0];
            fp += r[1];
            fn += r[2];
            out.append(String.format("%-24s %5d %5d %5d %9s %7s%n", e.getKey(), r[0], r[1], r[2], ratio(r[0], r[0] + r[1]),
                    ratio(r[0], r[0] + r[2])));
        }
        out.append(String.format("%-24s %5d %5d %5d %9s %7s%n", "ALL", tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn)));
        out.append("year-one (learning) signals, not scored: ").append(warmUp).append('\n');
        for (String n : h.negatives()) {
            out.append("hard negative: ").append(n).append('\n');
        }
        learningYear.forEach(s -> out.append("year one: ").append(s).append('\n'));
        falsePositives.forEach(s -> out.append("FP ").append(s).append('\n'));
        missed.forEach(e -> out.append("FN ").append(e).append('\n'));
        System.out.println(out);
        java.nio.file.Files.writeString(Path.of("target/signal-history/evaluation.txt"), out);

        // the hard negatives stay quiet in year two
        for (int i = 0; i < accounts; i++) {
            String gln = HistoryGenerator.gln(i);
            SignalType quiet = switch (HistoryGenerator.behaviourOf(i)) {
                case SEASONAL_DIP_NEGATIVE -> SignalType.VOLUME_DECLINE;
                case HOLIDAY_GAP_NEGATIVE -> SignalType.ORDER_SILENCE;
                case USUAL_BIG_ORDERS_NEGATIVE -> SignalType.LARGE_ORDER;
                case RETURNING_SITE_NEGATIVE -> SignalType.NEW_DELIVERY_SITE;
                default -> null;
            };
            if (quiet != null) {
                assertThat(signals).as("hard negative %s %s", gln, quiet)
                        .noneMatch(s -> s.accountId().equals(gln) && s.type() == quiet && !s.businessDate().isBefore(yearTwo));
            }
        }
        assertThat((double) tp / (tp + fp)).as("overall precision").isGreaterThanOrEqualTo(0.85);
        assertThat((double) tp / (tp + fn)).as("overall recall").isGreaterThanOrEqualTo(0.85);
        for (Map.Entry<SignalType, int[]> e : table.entrySet()) {
            int[] r = e.getValue();
            assertThat(r[0]).as("true positives of %s", e.getKey()).isGreaterThan(0);
            assertThat((double) r[0] / (r[0] + r[1])).as("precision of %s", e.getKey()).isGreaterThanOrEqualTo(0.6);
            assertThat((double) r[0] / (r[0] + r[2])).as("recall of %s", e.getKey()).isGreaterThanOrEqualTo(0.6);
        }
    }

    private static boolean matches(HistoryGenerator.Expected e, Signal s) {
        return e.account().equals(s.accountId()) && e.type() == s.type()
                && !s.businessDate().isBefore(e.from()) && !s.businessDate().isAfter(e.to())
                && (e.key() == null || s.dedupKey().contains(e.key()) || s.evidenceJson().contains(e.key()));
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format("%.2f", (double) a / b);
    }
}
