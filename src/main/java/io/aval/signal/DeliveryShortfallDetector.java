package io.aval.signal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A despatch advice that, with the earlier despatches for the same order (RFF+ON), ships less than
 * ordered (beyond {@code quantity-tolerance}) or arrives after the requested delivery date (DTM+132
 * estimated arrival, else DTM+11 despatch date, else document date; plus {@code late-grace-days}).
 * One signal per order.
 */
public final class DeliveryShortfallDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.DELIVERY_SHORTFALL;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (!"DESADV".equals(event.messageType())) {
            return List.of();
        }
        String orderNo = event.reference("ON").orElse(null);
        AccountEvent order = history.findOrder(orderNo).orElse(null);
        if (order == null) {
            return List.of();
        }
        Map<String, BigDecimal> ordered = quantities(List.of(order));
        List<AccountEvent> despatches = new ArrayList<>(history.eventsFor("DESADV", orderNo));
        despatches.add(event);
        Map<String, BigDecimal> shipped = quantities(despatches);
        List<String> shortLines = new ArrayList<>();
        BigDecimal orderedTotal = BigDecimal.ZERO;
        BigDecimal missingTotal = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : ordered.entrySet()) {
            BigDecimal want = e.getValue();
            BigDecimal got = shipped.getOrDefault(e.getKey(), BigDecimal.ZERO);
            orderedTotal = orderedTotal.add(want);
            double floor = want.doubleValue() * (1 - settings.deliveryShortfall.quantityTolerance);
            if (got.doubleValue() < floor) {
                missingTotal = missingTotal.add(want.subtract(got));
                shortLines.add(e.getKey() + ": " + got.stripTrailingZeros().toPlainString() + " of "
                        + want.stripTrailingZeros().toPlainString());
            }
        }
        LocalDate arrival = event.dates().getOrDefault("132", event.dates().getOrDefault("11", event.businessDate()));
        long lateDays = order.requestedDelivery() == null ? 0
                : ChronoUnit.DAYS.between(order.requestedDelivery().plusDays(settings.deliveryShortfall.lateGraceDays), arrival);
        if (shortLines.isEmpty() && lateDays <= 0) {
            return List.of();
        }
        double shortShare = orderedTotal.signum() == 0 ? 0 : missingTotal.doubleValue() / orderedTotal.doubleValue();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("order", orderNo);
        ev.put("despatch", event.documentNumber());
        ev.put("shortLines", shortLines);
        ev.put("shortPercent", Math.round(shortShare * 100));
        if (order.requestedDelivery() != null) {
            ev.put("requestedDelivery", order.requestedDelivery().toString());
        }
        ev.put("expectedArrival", arrival.toString());
        ev.put("daysLate", Math.max(0, lateDays));
        List<String> parts = new ArrayList<>();
        if (!shortLines.isEmpty()) {
            parts.add("short by " + Math.round(shortShare * 100) + "% (" + String.join("; ", shortLines) + ")");
        }
        if (lateDays > 0) {
            parts.add(lateDays + " day(s) late (requested " + order.requestedDelivery() + ", arrives " + arrival + ")");
        }
        String summary = "Order " + orderNo + " despatched on " + event.documentNumber() + " " + String.join(" and ", parts);
        Severity sev = shortShare >= 0.5 || lateDays >= 7 ? Severity.HIGH : Severity.MEDIUM;
        return List.of(new Signal(SignalType.DELIVERY_SHORTFALL, history.accountId(), sev, event.businessDate(),
                DownstreamFunction.LOGISTICS, summary, ev, "DELIVERY_SHORTFALL|" + history.accountId() + "|" + orderNo,
                event.documentNumber(), event.journalId()));
    }

    private static Map<String, BigDecimal> quantities(List<AccountEvent> events) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (AccountEvent e : events) {
            for (AccountEvent.Line l : e.lines()) {
                if (l.productId() != null && l.quantity() != null) {
                    out.merge(l.productId(), l.quantity(), BigDecimal::add);
                }
            }
        }
        return out;
    }
}
