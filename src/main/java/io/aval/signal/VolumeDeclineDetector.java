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

import io.aval.signal.internal.Stats;

/**
 * "Quantities down while activity is sustained". Evaluated once per month, on the first order of a new
 * month, over the last {@code window-months} complete months, for the whole account and then per
 * product. The baseline is the same months last year when the account has a year of history (so a
 * seasonal dip that last year also had does not fire), else an EWMA of the preceding months' quantities.
 * Both the window's total and its median quantity per order must be down by {@code drop-ratio}: the
 * median keeps one order more or less in a window, or an account's lumpy big orders, from reading as a
 * decline. It fires only while the order count holds (else the story is silence or a dropped product),
 * and at most once per account per {@code cooldown-months}.
 */
public final class VolumeDeclineDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.VOLUME_DECLINE;
    }

    /** Quantities per month of one scope (the account or a product): one entry per order. */
    private static final class Series {
        final Map<YearMonth, List<Double>> perOrder = new HashMap<>();

        void add(YearMonth m, double q) {
            perOrder.computeIfAbsent(m, k -> new ArrayList<>()).add(q);
        }

        double total(YearMonth m) {
            return perOrder.getOrDefault(m, List.of()).stream().mapToDouble(Double::doubleValue).sum();
        }

        int count(YearMonth m) {
            return perOrder.getOrDefault(m, List.of()).size();
        }

        List<Double> values(YearMonth from, YearMonth to) {
            List<Double> out = new ArrayList<>();
            for (YearMonth x = from; !x.isAfter(to); x = x.plusMonths(1)) {
                out.addAll(perOrder.getOrDefault(x, List.of()));
            }
            return out;
        }
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
        String prefix = "VOLUME_DECLINE|" + history.accountId() + "|";
        boolean cooling = history.lastSignal(SignalType.VOLUME_DECLINE, prefix)
                .map(last -> ChronoUnit.MONTHS.between(YearMonth.from(last.businessDate()), windowEnd) < s.cooldownMonths)
                .orElse(false);
        if (cooling) {
            return List.of();
        }

        Series account = new Series();
        Map<String, Series> products = new HashMap<>();
        // only the months a comparison reads: the window, its preceding months and the same months last year (the
        // account's whole history was read for each evaluation, tens of thousands of orders for an old account)
        java.time.LocalDate from = windowStart.minusMonths(Math.max(12, s.baselineMonths)).atDay(1);
        for (AccountEvent o : orders.subList(firstOnOrAfter(orders, from), orders.size())) {
            YearMonth m = YearMonth.from(o.businessDate());
            Map<String, Double> perProduct = new HashMap<>();
            for (AccountEvent.Line l : o.lines()) {
                if (l.quantity() != null && l.productId() != null) {
                    perProduct.merge(l.productId(), l.quantity().doubleValue(), Double::sum);
                }
            }
            account.add(m, perProduct.values().stream().mapToDouble(Double::doubleValue).sum());
            perProduct.forEach((p, q) -> products.computeIfAbsent(p, k -> new Series()).add(m, q));
        }
        Comparison acc = compare(account, first, windowStart, windowEnd, s);
        if (acc == null || !acc.frequencyHolds(s)) {
            return List.of();
        }
        if (acc.declined(s)) {
            return List.of(signal(event, history, "*", acc, windowStart, windowEnd));
        }
        for (String product : new TreeSet<>(products.keySet())) {
            Comparison p = compare(products.get(product), first, windowStart, windowEnd, s);
            if (p != null && p.baselineQty >= s.productMinShare * acc.baselineQty && p.frequencyHolds(s) && p.declined(s)) {
                // one signal per account and evaluation: the product that fell most first
                return List.of(signal(event, history, product, p, windowStart, windowEnd));
            }
        }
        return List.of();
    }

    /** Index of the first order dated {@code day} or later (orders are in business order). */
    static int firstOnOrAfter(List<AccountEvent> orders, java.time.LocalDate day) {
        int low = 0;
        int high = orders.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (orders.get(mid).businessDate().isBefore(day)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private record Comparison(double recentQty, double baselineQty, double recentOrders, double baselineOrders,
                              double recentMedian, double baselineMedian, boolean yearOnYear) {
        boolean declined(SignalSettings.VolumeDecline s) {
            return baselineQty > 0 && recentQty <= (1 - s.dropRatio) * baselineQty
                    && recentMedian <= (1 - s.dropRatio) * baselineMedian;
        }

        boolean frequencyHolds(SignalSettings.VolumeDecline s) {
            return baselineOrders > 0 && recentOrders >= s.minFrequencyRatio * baselineOrders;
        }

        double drop() {
            return baselineQty == 0 ? 0 : 1 - recentQty / baselineQty;
        }
    }

    private static Comparison compare(Series series, YearMonth first, YearMonth windowStart, YearMonth windowEnd,
                                      SignalSettings.VolumeDecline s) {
        List<Double> recent = series.values(windowStart, windowEnd);
        double recentQty = recent.stream().mapToDouble(Double::doubleValue).sum();
        if (recent.isEmpty()) {
            return null;
        }
        if (!first.isAfter(windowStart.minusMonths(12))) {
            List<Double> base = series.values(windowStart.minusMonths(12), windowEnd.minusMonths(12));
            if (base.size() < s.minBaselineOrders / 2.0) {
                return null;
            }
            return new Comparison(recentQty, base.stream().mapToDouble(Double::doubleValue).sum(), recent.size(),
                    base.size(), Stats.median(recent), Stats.median(base), true);
        }
        YearMonth baseStart = windowStart.minusMonths(s.baselineMonths);
        if (first.isAfter(baseStart)) {
            return null;
        }
        List<Double> base = series.values(baseStart, windowStart.minusMonths(1));
        if (base.size() < s.minBaselineOrders) {
            return null;
        }
        double ewma = Double.NaN;
        for (YearMonth m = baseStart; m.isBefore(windowStart); m = m.plusMonths(1)) {
            double q = series.total(m);
            ewma = Double.isNaN(ewma) ? q : s.ewmaAlpha * q + (1 - s.ewmaAlpha) * ewma;
        }
        return new Comparison(recentQty, ewma * s.windowMonths, recent.size(),
                base.size() / (double) s.baselineMonths * s.windowMonths, Stats.median(recent), Stats.median(base), false);
    }

    private static Signal signal(AccountEvent event, AccountHistory h, String scope, Comparison c, YearMonth from,
                                 YearMonth to) {
        long pct = Math.round(c.drop() * 100);
        String what = "*".equals(scope) ? "Ordered quantity" : "Ordered quantity of " + scope;
        String base = c.yearOnYear ? "the same months last year" : "the preceding months";
        String summary = String.format(java.util.Locale.ROOT,
                "%s down %d%% over %s..%s vs %s, while orders keep coming (%d orders vs %.0f)",
                what, pct, from, to, base, Math.round(c.recentOrders), c.baselineOrders);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("scope", "*".equals(scope) ? "account" : scope);
        ev.put("window", from + ".." + to);
        ev.put("recentQuantity", BigDecimal.valueOf(c.recentQty).stripTrailingZeros().toPlainString());
        ev.put("baselineQuantity", String.format(java.util.Locale.ROOT, "%.1f", c.baselineQty));
        ev.put("recentMedianPerOrder", c.recentMedian);
        ev.put("baselineMedianPerOrder", c.baselineMedian);
        ev.put("baseline", c.yearOnYear ? "same-period-last-year" : "ewma-preceding-months");
        ev.put("recentOrders", c.recentOrders);
        ev.put("baselineOrders", c.baselineOrders);
        ev.put("dropPercent", pct);
        ev.put("triggeredBy", event.documentNumber());
        Severity sev = c.drop() >= 0.5 ? Severity.HIGH : Severity.MEDIUM;
        return new Signal(SignalType.VOLUME_DECLINE, h.accountId(), sev, event.businessDate(), DownstreamFunction.ADV,
                summary, ev, "VOLUME_DECLINE|" + h.accountId() + "|" + scope + "|" + to, event.documentNumber(),
                event.journalId());
    }
}
