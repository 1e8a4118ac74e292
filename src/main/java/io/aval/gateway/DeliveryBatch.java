package io.aval.gateway;

import io.aval.signal.AccountEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The messages of one translation batch that reached the ERP, gathered while the route splits the
 * batch and journaled together after it ({@link ErpDelivery#closeBatch}). It travels as an exchange
 * property, which the split's per-message exchanges share with the batch's exchange. The split runs
 * them side by side, so they are added in any order and from several threads; {@link #delivered()}
 * gives them back in the batch's order, which is the order their events reach the signal tap.
 */
final class DeliveryBatch {

    static final String PROPERTY = "AvalDeliveryBatch";

    /** A message written to the ERP folder, with the event the translation stage extracted (or null). */
    record Delivered(long messageId, String file, AccountEvent event) {
    }

    /** message id → its place in the batch */
    private final Map<Long, Integer> positions = new HashMap<>();
    private final List<Delivered> delivered = new ArrayList<>();
    private String account;

    /** {@code ids}: the batch's messages, in the order of their interchange */
    DeliveryBatch(List<Long> ids) {
        for (Long id : ids) {
            positions.putIfAbsent(id, positions.size());
        }
    }

    static DeliveryBatch of(Exchange exchange) {
        DeliveryBatch batch = exchange.getProperty(PROPERTY, DeliveryBatch.class);
        if (batch == null) {
            throw new IllegalStateException("no delivery batch on exchange " + exchange.getExchangeId()
                    + ": the route must open one (erpDelivery.openBatch) before splitting");
        }
        return batch;
    }

    synchronized void add(Delivered d, String account) {
        if (!positions.containsKey(d.messageId())) {
            throw new IllegalArgumentException("message M-" + d.messageId() + " is not in this batch " + positions.keySet());
        }
        delivered.add(d);
        if (account != null) {
            this.account = account;
        }
    }

    /** the messages delivered so far, in the batch's order */
    synchronized List<Delivered> delivered() {
        List<Delivered> ordered = new ArrayList<>(delivered);
        ordered.sort(Comparator.comparingInt(d -> positions.get(d.messageId())));
        return ordered;
    }

    synchronized String account() {
        return account;
    }
}
