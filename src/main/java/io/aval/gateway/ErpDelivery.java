package io.aval.gateway;

import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.transport.IdempotentFileDrop;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stage of an inbound flow: names the file the ERP receives (stable per message), hands it
 * over once ({@link IdempotentFileDrop}: a redelivery after a crash never gives the ERP a second
 * copy, even of a file it has already taken away) and records the delivery in the journal.
 */
public final class ErpDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ErpDelivery.class);

    private final Journal journal;
    private final Path folder;
    private final IdempotentFileDrop drop;

    /** Delivers to {@code folder} (DATA/outbound/erp), keeping its hand-off markers under {@code markers}. */
    public ErpDelivery(Journal journal, Path folder, Path markers) {
        this.journal = journal;
        this.folder = folder;
        this.drop = new IdempotentFileDrop(markers);
    }

    /** Body in: the validated UBL document. Writes it for the ERP (once per message) and journals DELIVERED. */
    public void deliver(Exchange exchange) {
        Message in = exchange.getMessage();
        long messageId = in.getHeader(AvalHeaders.MESSAGE_ID, Long.class);
        delivered(messageId, handOff(in, messageId).toString());
    }

    /**
     * Starts a translation batch: the body (message journal ids separated by commas, or one id)
     * becomes the batch's journal records, read in one query, which the route splits; an empty
     * {@link DeliveryBatch} is attached.
     */
    public List<MessageRecord> openBatch(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        List<Long> ids;
        try {
            ids = Arrays.stream(body.split(",")).map(String::trim).map(Long::valueOf).toList();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a translation batch is message ids separated by commas, not: " + body, e);
        }
        exchange.setProperty(DeliveryBatch.PROPERTY, new DeliveryBatch(ids));
        List<MessageRecord> records = journal.messages(ids);
        if (records.size() != ids.size()) {
            List<Long> found = records.stream().map(MessageRecord::id).toList();
            throw new IllegalArgumentException("No message " + ids.stream().filter(id -> !found.contains(id)).toList()
                    + " in the journal");
        }
        return records;
    }

    /**
     * One message of a batch: writes it for the ERP (once per message, as {@link #deliver}) and adds
     * it to the batch, which journals it DELIVERED with the others ({@link #closeBatch}).
     */
    public void write(Exchange exchange) {
        Message in = exchange.getMessage();
        long messageId = in.getHeader(AvalHeaders.MESSAGE_ID, Long.class);
        Path file = handOff(in, messageId);
        DeliveryBatch.of(exchange).add(new DeliveryBatch.Delivered(messageId, file.toString(),
                in.getHeader(SignalTap.EVENT, io.aval.signal.AccountEvent.class)), in.getHeader(AvalHeaders.ACCOUNT, String.class));
    }

    /** After the batch: journals every message it wrote as DELIVERED, in one transaction. */
    public void closeBatch(Exchange exchange) {
        Map<Long, String> files = new LinkedHashMap<>();
        DeliveryBatch.of(exchange).delivered().forEach(d -> files.put(d.messageId(), d.file()));
        journal.deliveredAll(files);
    }

    private Path handOff(Message in, long messageId) {
        String name = fileName(in.getHeader(AvalHeaders.PARTNER, String.class), in.getHeader(AvalHeaders.MESSAGE_TYPE, String.class),
                messageId, in.getHeader(AvalHeaders.DOCUMENT_NUMBER, String.class));
        IdempotentFileDrop.HandOff handOff = drop.deliver(folder, "M" + messageId, name, in.getBody(byte[].class));
        if (handOff.earlier()) {
            LOG.info("Message M-{} was handed to the ERP as {} before a restart: not written again", messageId, handOff.file());
        }
        in.setHeader(Exchange.FILE_NAME_PRODUCED, handOff.file().toString());
        return handOff.file();
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
