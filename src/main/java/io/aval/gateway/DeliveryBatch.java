package io.aval.gateway;

import io.aval.signal.AccountEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/**
 * The messages of one translation batch that reached the ERP, gathered while the route splits the
 * batch and journaled together after it ({@link ErpDelivery#closeBatch}). It travels as an exchange
 * property, which the split's per-message exchanges share with the batch's exchange.
 */
final class DeliveryBatch {

    static final String PROPERTY = "AvalDeliveryBatch";

    /** A message written to the ERP folder, with the event the translation stage extracted (or null). */
    record Delivered(long messageId, String file, AccountEvent event) {
    }

    private final List<Delivered> delivered = new ArrayList<>();
    private String account;

    static DeliveryBatch of(Exchange exchange) {
        DeliveryBatch batch = exchange.getProperty(PROPERTY, DeliveryBatch.class);
        if (batch == null) {
            throw new IllegalStateException("no delivery batch on exchange " + exchange.getExchangeId()
                    + ": the route must open one (erpDelivery.openBatch) before splitting");
        }
        return batch;
    }

    void add(Delivered d, String account) {
        delivered.add(d);
        if (account != null) {
            this.account = account;
        }
    }

    List<Delivered> delivered() {
        return delivered;
    }

    String account() {
        return account;
    }
}
