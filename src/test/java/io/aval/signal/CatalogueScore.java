package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the signals raised on a generated history against its ground truth: year one is the
 * learning history (its signals are listed, not scored); in year two each signal is a true positive
 * when it matches a planted behaviour not matched yet, else a false positive; planted behaviours
 * left unmatched are false negatives. Used on the engine alone and on the whole pipeline.
 */
final class CatalogueScore {

    final HistoryGenerator.History history;
    final int accounts;
    final List<Signal> signals;
    final LocalDate yearTwo;
    final Map<SignalType, int[]> table = new EnumMap<>(SignalType.class); // tp, fp, fn
    final Map<SignalType, Integer> learning = new EnumMap<>(SignalType.class);
    final List<Signal> learningYear = new ArrayList<>();
    final List<Signal> falsePositives = new ArrayList<>();
    final List<HistoryGenerator.Expected> missed = new ArrayList<>();
    int tp;
    int fp;
    int fn;

    CatalogueScore(HistoryGenerator.History history, int accounts, List<Signal> signals) {
        this.history = history;
        this.accounts = accounts;
        this.signals = signals;
        this.yearTwo = history.start().plusYears(1);
        Set<HistoryGenerator.Expected> matched = new HashSet<>();
        for (Signal s : signals) {
            if (s.businessDate().isBefore(yearTwo)) {
                learning.merge(s.type(), 1, Integer::sum);
                learningYear.add(s);
                continue;
            }
            HistoryGenerator.Expected hit = null;
            for (HistoryGenerator.Expected e : history.truth()) {
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
        for (HistoryGenerator.Expected e : history.truth()) {
            if (!matched.contains(e)) {
                table.computeIfAbsent(e.type(), k -> new int[3])[2]++;
                missed.add(e);
            }
        }
        for (int[] r : table.values()) {
            tp += r[0];
            fp += r[1];
            fn += r[2];
        }
    }

    static boolean matches(HistoryGenerator.Expected e, Signal s) {
        return e.account().equals(s.accountId()) && e.type() == s.type()
                && !s.businessDate().isBefore(e.from()) && !s.businessDate().isAfter(e.to())
                && (e.key() == null || s.dedupKey().contains(e.key()) || s.evidenceJson().contains(e.key()));
    }

    /** The precision/recall table per signal type, then the details (learning year, FPs, FNs). */
    String report(String heading) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n%s: %d accounts, %d interchanges, %d messages, %s..%s%n", heading,
                accounts, history.interchanges().size(), history.messageCount(), history.start(), history.end()));
        out.append(String.format("%-24s %5s %5s %5s %9s %7s%n", "type (year 2)", "TP", "FP", "FN", "precision", "recall"));
        for (Map.Entry<SignalType, int[]> e : table.entrySet()) {
            int[] r = e.getValue();
            out.append(String.format("%-24s %5d %5d %5d %9s %7s%n", e.getKey(), r[0], r[1], r[2], ratio(r[0], r[0] + r[1]),
                    ratio(r[0], r[0] + r[2])));
        }
        out.append(String.format("%-24s %5d %5d %5d %9s %7s%n", "ALL", tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn)));
        out.append("year-one (learning) signals, not scored: ").append(learning).append('\n');
        for (String n : history.negatives()) {
            out.append("hard negative: ").append(n).append('\n');
        }
        learningYear.forEach(s -> out.append("year one: ").append(s).append('\n'));
        falsePositives.forEach(s -> out.append("FP ").append(s).append('\n'));
        missed.forEach(e -> out.append("FN ").append(e).append('\n'));
        return out.toString();
    }

    /** The hard negatives stay quiet in year two; precision and recall hold overall and per type. */
    void assertGood() {
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
        assertThat(tp).as("true positives").isGreaterThan(0);
        assertThat((double) tp / (tp + fp)).as("overall precision").isGreaterThanOrEqualTo(0.85);
        assertThat((double) tp / (tp + fn)).as("overall recall").isGreaterThanOrEqualTo(0.85);
        for (Map.Entry<SignalType, int[]> e : table.entrySet()) {
            int[] r = e.getValue();
            assertThat(r[0]).as("true positives of %s", e.getKey()).isGreaterThan(0);
            assertThat((double) r[0] / (r[0] + r[1])).as("precision of %s", e.getKey()).isGreaterThanOrEqualTo(0.6);
            assertThat((double) r[0] / (r[0] + r[2])).as("recall of %s", e.getKey()).isGreaterThanOrEqualTo(0.6);
        }
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format("%.2f", (double) a / b);
    }
}
