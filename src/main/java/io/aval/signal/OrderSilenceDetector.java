package io.aval.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aval.signal.internal.Stats;

/**
 * "The last order": no order for much longer than the account's own cadence — beyond
 * {@code gap-factor} × its median inter-order gap and at least {@code min-days}. A gap the account
 * also had around the same date last year (a holiday shutdown) raises the bar to that gap plus
 * {@code seasonal-tolerance-days}.
 */
public final class OrderSilenceDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.ORDER_SILENCE;
    }

    @Override
    public List<Signal> onBusinessTime(String accountId, List<LocalDate> orderDates, LocalDate asOf,
                                       SignalSettings settings) {
        SignalSettings.OrderSilence s = settings.orderSilence;
        // evaluated for every account on every new business day over all its order dates: the dates as epoch days,
        // distinct and ascending (the store hands them so; anything else is sorted here), the gaps in one array
        long[] days = distinctAscendingDays(orderDates);
        if (days.length < s.minOrders) {
            return List.of();
        }
        LocalDate last = LocalDate.ofEpochDay(days[days.length - 1]);
        long silent = asOf.toEpochDay() - days[days.length - 1];
        double[] gaps = new double[days.length - 1];
        long seasonalGap = 0;
        long yearAgo = last.minusYears(1).toEpochDay();
        for (int i = 1; i < days.length; i++) {
            long g = days[i] - days[i - 1];
            gaps[i - 1] = g;
            if (Math.abs(yearAgo - days[i - 1]) <= s.seasonalToleranceDays) {
                seasonalGap = Math.max(seasonalGap, g);
            }
        }
        // the gaps are this call's own array: sorted in place, not copied first
        java.util.Arrays.sort(gaps);
        double median = Stats.percentileOfSorted(gaps, 50);
        long threshold = Math.max(s.minDays, Math.round(s.gapFactor * median));
        threshold = Math.max(threshold, seasonalGap + s.seasonalToleranceDays);
        if (silent <= threshold) {
            return List.of();
        }
        LocalDate due = last.plusDays(threshold + 1);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("lastOrderDate", last.toString());
        ev.put("daysSilent", ChronoUnit.DAYS.between(last, due));
        ev.put("medianGapDays", median);
        ev.put("thresholdDays", threshold);
        ev.put("ordersSeen", days.length);
        if (seasonalGap > 0) {
            ev.put("sameSeasonLastYearGapDays", seasonalGap);
        }
        String summary = String.format("No order since %s: %d days, against a usual gap of %.0f days (alert beyond %d)",
                last, ChronoUnit.DAYS.between(last, due), median, threshold);
        return List.of(new Signal(SignalType.ORDER_SILENCE, accountId, Severity.HIGH, due, DownstreamFunction.ADV,
                summary, ev, "ORDER_SILENCE|" + accountId + "|" + last, null, null));
    }

    /** The dates as epoch days, each once, oldest first. */
    static long[] distinctAscendingDays(List<LocalDate> dates) {
        long[] days = new long[dates.size()];
        int n = 0;
        boolean ordered = true;
        for (LocalDate d : dates) {
            long day = d.toEpochDay();
            if (n > 0 && day <= days[n - 1]) {
                ordered = false;
            }
            days[n++] = day;
        }
        if (ordered) {
            return days;
        }
        java.util.Arrays.sort(days);
        int distinct = 0;
        for (int i = 0; i < days.length; i++) {
            if (distinct == 0 || days[i] != days[distinct - 1]) {
                days[distinct++] = days[i];
            }
        }
        return java.util.Arrays.copyOf(days, distinct);
    }
}
