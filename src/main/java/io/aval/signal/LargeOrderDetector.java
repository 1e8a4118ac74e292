package io.aval.signal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aval.signal.internal.Stats;

/**
 * An order far above the account's own history — a market won. The value is the order's line value
 * (quantity when prices are absent). It must exceed {@code median-factor} × the median, the
 * {@code percentile} × {@code percentile-margin} (so an account's usual big quarterly order stays quiet),
 * and, when the spread is not zero, a robust z-score (median/MAD) of {@code robust-z}. The history is the
 * account's last {@code baseline-orders} orders: its usual order today, at a cost that does not grow with its age.
 */
public final class LargeOrderDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.LARGE_ORDER;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (!event.isOrder()) {
            return List.of();
        }
        SignalSettings.LargeOrder s = settings.largeOrder;
        boolean byValue = event.linesValue() != null;
        BigDecimal current = byValue ? event.linesValue() : event.totalQuantity();
        List<AccountEvent> orders = history.orders();
        List<AccountEvent> baseline = orders.subList(Math.max(0, orders.size() - s.baselineOrders), orders.size());
        double[] past = new double[baseline.size()];
        int n = 0;
        for (AccountEvent o : baseline) {
            BigDecimal v = byValue ? o.linesValue() : o.totalQuantity();
            if (v != null) {
                past[n++] = v.doubleValue();
            }
        }
        if (n < s.minHistoryOrders || current == null) {
            return List.of();
        }
        double value = current.doubleValue();
        if (belowFactorOfMedian(value, s.medianFactor, past, n)) {
            return List.of();
        }
        // sorted once for the three statistics (each sorted the sample again, the MAD twice)
        double[] sorted = Stats.sorted(past, n);
        double median = Stats.percentileOfSorted(sorted, 50);
        double pct = Stats.percentileOfSorted(sorted, s.percentile);
        double mad = Stats.madOfSorted(sorted);
        double z = mad > 0 ? (value - median) / (1.4826 * mad) : Double.POSITIVE_INFINITY;
        if (median <= 0 || value <= s.medianFactor * median || value <= pct * s.percentileMargin || z < s.robustZ) {
            return List.of();
        }
        double ratio = value / median;
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("order", event.documentNumber());
        ev.put(byValue ? "orderValue" : "orderQuantity", current.stripTrailingZeros().toPlainString());
        ev.put("median", round(median));
        ev.put("percentile" + (int) s.percentile, round(pct));
        ev.put("mad", round(mad));
        ev.put("timesMedian", round(ratio));
        ev.put("ordersInHistory", n);
        String summary = String.format("Order %s is %.1f× the account's usual order (%s %s vs median %s, P%d %s): a market won?",
                event.documentNumber(), ratio, byValue ? "value" : "quantity", current.stripTrailingZeros().toPlainString(),
                round(median), (int) s.percentile, round(pct));
        return List.of(new Signal(SignalType.LARGE_ORDER, history.accountId(),
                ratio >= s.highFactor ? Severity.HIGH : Severity.MEDIUM, event.businessDate(), DownstreamFunction.ADV,
                summary, ev, "LARGE_ORDER|" + history.accountId() + "|" + event.documentNumber(),
                event.documentNumber(), event.journalId()));
    }

    /**
     * Whether {@code value <= factor × median} of the first {@code n} values, known without sorting them (most orders stop
     * here): the median lies between the sorted values at ranks floor and ceil of (n-1)/2, so it is at least the one at
     * the lower rank, and {@code value <= factor × x} holds for that one exactly when it holds for at least n minus that
     * rank of the values (it holds for a value when it holds for a smaller one). When this says no, the full test decides.
     */
    static boolean belowFactorOfMedian(double value, double factor, double[] values, int n) {
        if (factor < 0 || n == 0) {
            return false;
        }
        int lo = (int) Math.floor(0.5 * (n - 1));
        int atLeast = 0;
        for (int i = 0; i < n; i++) {
            if (value <= factor * values[i]) {
                atLeast++;
            }
        }
        return atLeast >= n - lo;
    }

    private static String round(double d) {
        return BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
