package io.aval.signal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An invoice line whose net price differs by more than {@code tolerance} (relative) from the agreed price
 * in {@code agreed-prices} or, when none is configured, from the price on the order it references
 * (RFF+ON): typically the discount the rep granted was not applied.
 */
public final class PriceMismatchDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.PRICE_MISMATCH;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (!"INVOIC".equals(event.messageType()) || "381".equals(event.documentCode())) {
            return List.of();
        }
        AccountEvent order = event.reference("ON").flatMap(history::findOrder).orElse(null);
        Map<String, BigDecimal> agreed = settings.agreedPrices.getOrDefault(history.accountId(), Map.of());
        List<Map<String, Object>> mismatches = new ArrayList<>();
        BigDecimal impact = BigDecimal.ZERO;
        for (AccountEvent.Line l : event.lines()) {
            if (l.unitPrice() == null || l.productId() == null) {
                continue;
            }
            BigDecimal expected = agreed.get(l.productId());
            String basis = "agreed price list";
            if (expected == null && order != null) {
                expected = orderedPrice(order, l.productId());
                basis = "order " + order.documentNumber();
            }
            if (expected == null || expected.signum() == 0) {
                continue;
            }
            BigDecimal diff = l.unitPrice().subtract(expected);
            double rel = diff.abs().divide(expected, 6, RoundingMode.HALF_UP).doubleValue();
            if (rel <= settings.priceMismatch.tolerance) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("product", l.productId());
            m.put("invoiced", l.unitPrice().stripTrailingZeros().toPlainString());
            m.put("expected", expected.stripTrailingZeros().toPlainString());
            m.put("basis", basis);
            m.put("differencePercent", BigDecimal.valueOf(rel * 100 * diff.signum()).setScale(1, RoundingMode.HALF_UP));
            mismatches.add(m);
            if (l.quantity() != null) {
                impact = impact.add(diff.multiply(l.quantity()));
            }
        }
        if (mismatches.isEmpty()) {
            return List.of();
        }
        Map<String, Object> first = mismatches.get(0);
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("invoice", event.documentNumber());
        event.reference("ON").ifPresent(on -> ev.put("order", on));
        ev.put("lines", mismatches);
        ev.put("amountDifference", impact.setScale(2, RoundingMode.HALF_UP).toPlainString());
        String summary = String.format("Invoice %s bills %s at %s where %s says %s (%s%%)%s; %s over the invoice",
                event.documentNumber(), first.get("product"), first.get("invoiced"), first.get("basis"), first.get("expected"),
                first.get("differencePercent"), mismatches.size() > 1 ? " and " + (mismatches.size() - 1) + " more line(s)" : "",
                impact.setScale(2, RoundingMode.HALF_UP).toPlainString());
        return List.of(new Signal(SignalType.PRICE_MISMATCH, history.accountId(), Severity.MEDIUM, event.businessDate(),
                DownstreamFunction.ADV, summary, ev, "PRICE_MISMATCH|" + history.accountId() + "|" + event.documentNumber(),
                event.documentNumber(), event.journalId()));
    }

    private static BigDecimal orderedPrice(AccountEvent order, String product) {
        for (AccountEvent.Line l : order.lines()) {
            if (product.equals(l.productId()) && l.unitPrice() != null) {
                return l.unitPrice();
            }
        }
        return null;
    }
}
