package io.aval.signal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aval.signal.internal.Stats;

/**
 * Most of the last {@code recent-orders} orders (share {@code min-urgent-share}) ask for delivery in less
 * than {@code lead-time-ratio} × the account's normal lead time (median of DTM+2 − DTM+137 over its
 * last {@code baseline-orders} earlier orders: its usual lead time today, at a cost that does not grow with
 * its age). Fires when the pattern starts, not again while it lasts, and at most once per
 * {@code cooldown-days}.
 */
public final class UrgencyPatternDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.URGENCY_PATTERN;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (!event.isOrder() || event.requestedDelivery() == null) {
            return List.of();
        }
        SignalSettings.Urgency s = settings.urgency;
        // the latest orders with a requested date, as many as the baseline, the recent orders and the episode check read
        // (walking the account's whole history sorted tens of thousands of lead times for each order of an old account)
        int wanted = s.baselineOrders + 2 * s.recentOrders;
        List<AccountEvent> orders = history.orders();
        List<AccountEvent> withLead = new ArrayList<>();
        for (int i = orders.size() - 1; i >= 0 && withLead.size() < wanted; i--) {
            if (orders.get(i).requestedDelivery() != null) {
                withLead.add(orders.get(i));
            }
        }
        java.util.Collections.reverse(withLead);
        withLead.add(event);
        if (withLead.size() < s.minBaselineOrders + s.recentOrders) {
            return List.of();
        }
        List<AccountEvent> recent = withLead.subList(withLead.size() - s.recentOrders, withLead.size());
        int baselineEnd = withLead.size() - s.recentOrders;
        List<Long> baseline = withLead.subList(Math.max(0, baselineEnd - s.baselineOrders), baselineEnd).stream()
                .map(UrgencyPatternDetector::lead).toList();
        double normal = Stats.median(baseline);
        double limit = normal * s.leadTimeRatio;
        if (normal < 2 || lead(event) >= limit) {
            return List.of();
        }
        List<String> urgent = new ArrayList<>();
        for (AccountEvent o : recent) {
            if (lead(o) < limit) {
                urgent.add(o.documentNumber() + " (" + lead(o) + "d)");
            }
        }
        double needed = Math.ceil(s.minUrgentShare * s.recentOrders);
        if (urgent.size() < needed) {
            return List.of();
        }
        // the same episode continuing: a window ending at one of the previous orders already showed the pattern
        for (int back = 1; back <= s.recentOrders; back++) {
            int to = withLead.size() - back;
            if (to - s.recentOrders < 0) {
                break;
            }
            if (withLead.subList(to - s.recentOrders, to).stream().filter(o -> lead(o) < limit).count() >= needed) {
                return List.of();
            }
        }
        String prefix = "URGENCY_PATTERN|" + history.accountId() + "|";
        boolean cooling = history.lastSignal(SignalType.URGENCY_PATTERN, prefix)
                .map(last -> ChronoUnit.DAYS.between(last.businessDate(), event.businessDate()) < s.cooldownDays)
                .orElse(false);
        if (cooling) {
            return List.of();
        }
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("normalLeadDays", normal);
        ev.put("urgentBelowDays", limit);
        ev.put("urgentOrders", urgent);
        ev.put("recentOrders", s.recentOrders);
        String summary = String.format("%d of the last %d orders ask for delivery in under %.0f days (normal lead time %.0f days)",
                urgent.size(), s.recentOrders, Math.ceil(limit), normal);
        return List.of(new Signal(SignalType.URGENCY_PATTERN, history.accountId(), Severity.MEDIUM, event.businessDate(),
                DownstreamFunction.ADV, summary, ev, prefix + event.documentNumber(), event.documentNumber(),
                event.journalId()));
    }

    private static long lead(AccountEvent o) {
        return ChronoUnit.DAYS.between(o.businessDate(), o.requestedDelivery());
    }
}
