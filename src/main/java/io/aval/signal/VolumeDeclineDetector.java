package io.aval.signal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * "Quantities down while activity is sustained". Evaluated once per month, on the first order of a new
 * month, over the last {@code window-months} complete months, for the whole account and then per
 * product. The baseline is the same months last year when the account has a year of history (so a
 * seasonal dip that last year also had does not fire), else an EWMA of the preceding months. It fires
 * only while the order count holds, otherwise the story is silence or a dropped product, not decline.
 */
public final class VolumeDeclineDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.VOLUME_DECLINE;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        List<AccountEvent> orders = history.orders();
        if (!event.isOrder() || orders.isEmpty()) {
            return List.of();
        }
        YearMonth current = YearMonth.from(event.businessDate());
        if (!current.isAfter(YearMonth.from(orders.get(orders.size() - 1).businessDate()))) {
            return List.of();
        }
        SignalSettings.VolumeDecline s = settings.volumeDecline;
        YearMonth windowStart = current.minusMonths(s.windowMonths);
        YearMonth windowEnd = current.minusMonths(1);
        YearMonth first = YearMonth.from(orders.get(0).businessDate());

        Map<YearMonth, Double> accountQty = new HashMap<>();
        Map<YearMonth, Integer> accountCount = new HashMap<>();
        Map<String, Map<YearMonth, Double>> productQty = new HashMap<>();
        Map<String, Map<YearMonth, Integer>> productCount = new HashMap<>();
        for (AccountEvent o : orders) {
            YearMonth m = YearMonth.from(o.businessDate());
            accountCount.merge(m, 1, Integer::sum);
            for (AccountEvent.Line l : o.lines()) {
                if (l.quantity() == null || l.productId() == null) {
                    continue;
                }
                accountQty.merge(m, l.quantity().doubleValue(), Double::sum);
                productQty.computeIfAbsent(l.productId(), k -> new HashMap<>()).merge(m, l.quantity().doubleValue(), Double::sum);
                productCount.computeIfAbsent(l.productId(), k -> new HashMap<>()).merge(m, 1, Integer::sum);
            }
        }
        Map<YearMonth, Double> accountCountD = toDouble(accountCount);
        Comparison acc = compare(accountQty, accountCountD, first, windowStart, windowEnd, s);
        if (acc == null || !acc.frequencyHolds(s)) {
            return List.of();
        }
        String accountScope = "*";
        if (acc.declined(s)) {
            return cooledDown(history, accountScope, windowEnd, s)
                    ? List.of(signal(event, history, accountScope, acc, windowStart, windowEnd, s)) : List.of();
        }
        // an account-wide decline already signalled explains its products' declines
        List<Signal> out = new ArrayList<>();
        double accountBaseline = acc.baselineQty;
        for (String product : new TreeSet<>(productQty.keySet())) {
            Comparison p = compare(productQty.get(product), toDouble(productCount.get(product)), first, windowStart,
                    windowEnd, s);
            if (p == null || p.baselineQty < s.productMinShare * accountBaseline || p.baselineOrders < 3
                    || !p.frequencyHolds(s) || !p.declined(s) || !cooledDown(history, product, windowEnd, s)
                    || !cooledDown(history, accountScope, windowEnd, s)) {
                continue;
            }
            out.add(signal(event, history, product, p, windowStart, windowEnd, s));
        }
        return out;
    }

    private static Map<YearMonth, Double> toDouble(Map<YearMonth, Integer> m) {
        Map<YearMonth, Double> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.doubleValue()));
        return out;
    }

    private record Comparison(double recentQty, double baselineQty, double recentOrders, double baselineOrders,
                              boolean yearOnYear) {
        boolean declined(SignalSettings.VolumeDecline s) {
            return baselineQty > 0 && recentQty <= (1 - s.dropRatio) * baselineQty;
        }

        boolean frequencyHolds(SignalSettings.VolumeDecline s) {
            return baselineOrders > 0 && recentOrders >= s.minFrequencyRatio * baselineOrders;
        }

        double drop() {
            return baselineQty == 0 ? 0 : 1 - recentQty / baselineQty;
        }
    }

    private static Comparison compare(Map<YearMonth, Double> qty, Map<YearMonth, Double> count, YearMonth first,
                                      YearMonth windowStart, YearMonth windowEnd, SignalSettings.VolumeDecline s) {
        double recentQty = sum(qty, windowStart, windowEnd);
        double recentOrders = sum(count, windowStart, windowEnd);
        if (!first.isAfter(windowStart.minusMonths(12))) {
            double baseQty = sum(qty, windowStart.minusMonths(12), windowEnd.minusMonths(12));
            double baseOrders = sum(count, windowStart.minusMonths(12), windowEnd.minusMonths(12));
            if (baseOrders < s.minBaselineOrders / 2.0) {
                return null;
            }
            return new Comparison(recentQty, baseQty, recentOrders, baseOrders, true);
        }
        YearMonth baseStart = windowStart.minusMonths(s.baselineMonths);
        if (first.isAfter(baseStart)) {
            return null;
        }
        double ewmaQty = Double.NaN;
        double totalOrders = 0;
        for (YearMonth m = baseStart; m.isBefore(windowStart); m = m.plusMonths(1)) {
            double q = qty.getOrDefault(m, 0.0);
            ewmaQty = Double.isNaN(ewmaQty) ? q : s.ewmaAlpha * q + (1 - s.ewmaAlpha) * ewmaQty;
            totalOrders += count.getOrDefault(m, 0.0);
        }
        if (totalOrders < s.minBaselineOrders) {
            return null;
        }
        double months = s.windowMonths;
        return new Comparison(recentQty, ewmaQty * months, recentOrders, totalOrders / s.baselineMonths * months, false);
    }

    private static double sum(Map<YearMonth, Double> m, YearMonth from, YearMonth to) {
        double total = 0;
        for (YearMonth x = from; !x.isAfter(to); x = x.plusMonths(1)) {
            total += m.getOrDefault(x, 0.0);
        }
        return total;
    }

    private static String prefix(AccountHistory h, String scope) {
        return "VOLUME_DECLINE|" + h.accountId() + "|" + scope + "|";
    }

    private static boolean cooledDown(AccountHistory h, String scope, YearMonth windowEnd, SignalSettings.VolumeDecline s) {
        return h.lastSignal(SignalType.VOLUME_DECLINE, prefix(h, scope))
                .map(last -> ChronoUnit.MONTHS.between(YearMonth.from(last.businessDate()), windowEnd) >= s.cooldownMonths)
                .orElse(true);
    }

    private static Signal signal(AccountEvent event, AccountHistory h, String scope, Comparison c, YearMonth from,
                                 YearMonth to, SignalSettings.VolumeDecline s) {
        long pct = Math.round(c.drop() * 100);
        String what = "*".equals(scope) ? "Ordered quantity" : "Ordered quantity of " + scope;
        String base = c.yearOnYear ? "the same months last year" : "the preceding months";
        String summary = String.format("%s down %d%% over %s..%s vs %s, while orders keep coming (%d vs %.0f)",
                what, pct, from, to, base, Math.round(c.recentOrders), c.baselineOrders);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("scope", "*".equals(scope) ? "account" : scope);
        ev.put("window", from + ".." + to);
        ev.put("recentQuantity", BigDecimal.valueOf(c.recentQty).stripTrailingZeros().toPlainString());
        ev.put("baselineQuantity", String.format(java.util.Locale.ROOT, "%.1f", c.baselineQty));
        ev.put("baseline", c.yearOnYear ? "same-period-last-year" : "ewma-preceding-months");
        ev.put("recentOrders", c.recentOrders);
        ev.put("baselineOrders", c.baselineOrders);
        ev.put("dropPercent", pct);
        ev.put("triggeredBy", event.documentNumber());
        Severity sev = c.drop() >= 0.5 ? Severity.HIGH : Severity.MEDIUM;
        return new Signal(SignalType.VOLUME_DECLINE, h.accountId(), sev, event.businessDate(), DownstreamFunction.ADV,
                summary, ev, prefix(h, scope) + to, event.documentNumber(), event.journalId());
    }
}
