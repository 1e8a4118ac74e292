package io.aval.signal;

import java.math.BigDecimal;
import java.util.ArrayList;
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
        List<Double> past = new ArrayList<>();
        List<AccountEvent> orders = history.orders();
        for (AccountEvent o : orders.subList(Math.max(0, orders.size() - s.baselineOrders), orders.size())) {
            BigDecimal v = byValue ? o.linesValue() : o.totalQuantity();
            if (v != null) {
                past.add(v.doubleValue());
            }
        }
        if (past.size() < s.minHistoryOrders || current == null) {
            return List.of();
        }
        double value = current.doubleValue();
        // sorted once for the three statistics (each sorted the sample again, the MAD twice)
        double[] sorted = Stats.sorted(past);
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
        ev.put("ordersInHistory", past.size());
        String summary = String.format("Order %s is %.1f× the account's usual order (%s %s vs median %s, P%d %s): a market won?",
                event.documentNumber(), ratio, byValue ? "value" : "quantity", current.stripTrailingZeros().toPlainString(),
                round(median), (int) s.percentile, round(pct));
        return List.of(new Signal(SignalType.LARGE_ORDER, history.accountId(),
                ratio >= s.highFactor ? Severity.HIGH : Severity.MEDIUM, event.businessDate(), DownstreamFunction.ADV,
                summary, ev, "LARGE_ORDER|" + history.accountId() + "|" + event.documentNumber(),
                event.documentNumber(), event.journalId()));
    }

    private static String round(double d) {
        return BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
