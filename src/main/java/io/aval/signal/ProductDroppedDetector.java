package io.aval.signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product the account ordered regularly (in at least {@code min-share} of its orders since it first
 * appeared, at least {@code min-appearances} times, over at least {@code min-span-orders} orders — fewer
 * say nothing about regularity) is missing from the last
 * max({@code min-absent-orders}, {@code absent-factor} / share) orders while the account keeps ordering.
 * Everything is counted over the account's last {@code window-orders} orders.
 */
public final class ProductDroppedDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.PRODUCT_DROPPED;
    }

    @Override
    public List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        if (!event.isOrder() || event.lines().isEmpty()) {
            return List.of();
        }
        SignalSettings.ProductDropped s = settings.productDropped;
        List<AccountEvent> all = history.orders();
        List<AccountEvent> orders = new ArrayList<>(all.subList(Math.max(0, all.size() - s.windowOrders), all.size()));
        orders.add(event);
        Map<String, List<Integer>> seenAt = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            for (AccountEvent.Line l : orders.get(i).lines()) {
                if (l.productId() != null) {
                    List<Integer> idx = seenAt.computeIfAbsent(l.productId(), k -> new ArrayList<>());
                    if (idx.isEmpty() || idx.get(idx.size() - 1) != i) {
                        idx.add(i);
                    }
                }
            }
        }
        int current = orders.size() - 1;
        List<Signal> out = new ArrayList<>();
        // products in name order, as the signals come out; hashed while counting (a sorted map compared names at each line)
        List<String> products = new ArrayList<>(seenAt.keySet());
        java.util.Collections.sort(products);
        for (String product : products) {
            List<Integer> idx = seenAt.get(product);
            int firstIdx = idx.get(0);
            int lastIdx = idx.get(idx.size() - 1);
            if (lastIdx == current || idx.size() < s.minAppearances) {
                continue;
            }
            int span = lastIdx - firstIdx + 1;
            double share = idx.size() / (double) span;
            if (share < s.minShare || span < s.minSpanOrders) {
                continue;
            }
            int absent = current - lastIdx;
            int threshold = Math.max(s.minAbsentOrders, (int) Math.ceil(s.absentFactor / share));
            if (absent != threshold) {
                continue;
            }
            AccountEvent lastOrder = orders.get(lastIdx);
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("product", product);
            ev.put("lastOrder", lastOrder.documentNumber());
            ev.put("lastOrderDate", lastOrder.businessDate().toString());
            ev.put("appearances", idx.size());
            ev.put("sharePercent", Math.round(share * 100));
            ev.put("ordersWithout", absent);
            ev.put("latestOrder", event.documentNumber());
            String summary = String.format("%s, ordered in %d%% of orders, is missing from the last %d orders (last on %s, %s)",
                    describe(lastOrder, product), Math.round(share * 100), absent, lastOrder.businessDate(),
                    lastOrder.documentNumber());
            out.add(new Signal(SignalType.PRODUCT_DROPPED, history.accountId(), Severity.MEDIUM, event.businessDate(),
                    DownstreamFunction.ADV, summary, ev,
                    "PRODUCT_DROPPED|" + history.accountId() + "|" + product + "|" + lastOrder.documentNumber(),
                    event.documentNumber(), event.journalId()));
        }
        return out;
    }

    static String describe(AccountEvent order, String product) {
        for (AccountEvent.Line l : order.lines()) {
            if (product.equals(l.productId()) && l.description() != null) {
                return "Product " + product + " (" + l.description() + ")";
            }
        }
        return "Product " + product;
    }
}
