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
        // the window: the account's last window-orders orders, then this one, at positions 0 … current
        int from = Math.max(0, all.size() - s.windowOrders);
        int current = all.size() - from;
        // per product: the first and last position it appears at and in how many orders; one pass over the
        // window's lines, no list per product (the window is up to 200 orders, evaluated for every order)
        Map<String, int[]> seen = new HashMap<>();
        for (int at = 0; at <= current; at++) {
            AccountEvent order = at < current ? all.get(from + at) : event;
            for (AccountEvent.Line l : order.lines()) {
                if (l.productId() == null) {
                    continue;
                }
                int[] p = seen.get(l.productId());
                if (p == null) {
                    seen.put(l.productId(), new int[] {at, at, 1});
                } else if (p[LAST] != at) {
                    p[LAST] = at;
                    p[TIMES]++;
                }
            }
        }
        // products in name order, as the signals come out
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, int[]> e : seen.entrySet()) {
            if (isDue(e.getValue(), current, s)) {
                dropped.add(e.getKey());
            }
        }
        java.util.Collections.sort(dropped);
        List<Signal> out = new ArrayList<>();
        for (String product : dropped) {
            int[] p = seen.get(product);
            int lastIdx = p[LAST];
            double share = share(p);
            int absent = current - lastIdx;
            AccountEvent lastOrder = all.get(from + lastIdx);
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("product", product);
            ev.put("lastOrder", lastOrder.documentNumber());
            ev.put("lastOrderDate", lastOrder.businessDate().toString());
            ev.put("appearances", p[TIMES]);
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

    private static final int FIRST = 0;
    private static final int LAST = 1;
    private static final int TIMES = 2;

    /** Orders from the product's first appearance to its last, both included. */
    private static int span(int[] p) {
        return p[LAST] - p[FIRST] + 1;
    }

    /** Orders with the product over its {@link #span}. */
    private static double share(int[] p) {
        return p[TIMES] / (double) span(p);
    }

    /**
     * A product seen regularly enough and long enough (see the class comment), absent from the current order, and
     * absent for exactly its threshold of orders now: the signal comes once, on the order that reaches it.
     */
    private static boolean isDue(int[] p, int current, SignalSettings.ProductDropped s) {
        if (p[LAST] == current || p[TIMES] < s.minAppearances) {
            return false;
        }
        double share = share(p);
        if (share < s.minShare || span(p) < s.minSpanOrders) {
            return false;
        }
        int threshold = Math.max(s.minAbsentOrders, (int) Math.ceil(s.absentFactor / share));
        return current - p[LAST] == threshold;
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
