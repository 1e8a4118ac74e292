package io.aval.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
        List<LocalDate> dates = new ArrayList<>(new TreeSet<>(orderDates));
        if (dates.size() < s.minOrders) {
            return List.of();
        }
        LocalDate last = dates.get(dates.size() - 1);
        long silent = ChronoUnit.DAYS.between(last, asOf);
        List<Long> gaps = new ArrayList<>();
        long seasonalGap = 0;
        LocalDate yearAgo = last.minusYears(1);
        for (int i = 1; i < dates.size(); i++) {
            long g = ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i));
            gaps.add(g);
            if (Math.abs(ChronoUnit.DAYS.between(dates.get(i - 1), yearAgo)) <= s.seasonalToleranceDays) {
                seasonalGap = Math.max(seasonalGap, g);
            }
        }
        double median = Stats.median(gaps);
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
        ev.put("ordersSeen", dates.size());
        if (seasonalGap > 0) {
            ev.put("sameSeasonLastYearGapDays", seasonalGap);
        }
        String summary = String.format("No order since %s: %d days, against a usual gap of %.0f days (alert beyond %d)",
                last, ChronoUnit.DAYS.between(last, due), median, threshold);
        return List.of(new Signal(SignalType.ORDER_SILENCE, accountId, Severity.HIGH, due, DownstreamFunction.ADV,
                summary, ev, "ORDER_SILENCE|" + accountId + "|" + last, null, null));
    }
}
