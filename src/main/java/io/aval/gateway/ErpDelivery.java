package io.aval.gateway;

import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * Last stage of an inbound flow: names the file the ERP receives (stable per message, so a
 * redelivery overwrites rather than duplicates) and records the delivery in the journal.
 */
public final class ErpDelivery {

    private final Journal journal;

    public ErpDelivery(Journal journal) {
        this.journal = journal;
    }

    /** partner-ORDERS-PO-2026-1187-M42.xml, with anything unsafe for a file name replaced. */
    public String fileName(@Header(AvalHeaders.PARTNER) String partner, @Header(AvalHeaders.MESSAGE_TYPE) String type,
                           @Header(AvalHeaders.MESSAGE_ID) long messageId,
                           @Header(AvalHeaders.DOCUMENT_NUMBER) String document) {
        String name = partner + "-" + type + "-" + (document == null ? "" : document + "-") + "M" + messageId + ".xml";
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public void delivered(@Header(AvalHeaders.MESSAGE_ID) long messageId, @Header(Exchange.FILE_NAME_PRODUCED) String path) {
        journal.transition(messageId, MessageStatus.DELIVERED, null, path);
    }
}
