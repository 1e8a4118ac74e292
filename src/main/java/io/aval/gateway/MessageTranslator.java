package io.aval.gateway;

import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.mapping.EdifactReaders;
import io.aval.mapping.MappingCatalog;
import io.aval.mapping.MessageRejectedException;
import io.aval.mapping.UblMapping;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Third stage, before the mapping: reads one accepted message with the partner's Smooks EDIFACT
 * reader into XML and tells the route which mapping to apply and what it produces.
 */
public final class MessageTranslator {

    private final Journal journal;
    private final PartnerDirectory partners;
    private final EdifactReaders readers;
    private final MappingCatalog mappings;
    private final UblMapping ubl;
    /** Interchange id → its recipient (fixed once the intake has described it): a batch's messages ask once. */
    private final java.util.Map<Long, String> recipients = new java.util.concurrent.ConcurrentHashMap<>();

    public MessageTranslator(Journal journal, PartnerDirectory partners, EdifactReaders readers, MappingCatalog mappings,
                             UblMapping ubl) {
        this.journal = journal;
        this.ubl = ubl;
        this.partners = partners;
        this.readers = readers;
        this.mappings = mappings;
    }

    private String recipientOf(long interchangeId) {
        String known = recipients.get(interchangeId);
        if (known != null) {
            return known;
        }
        if (recipients.size() >= 1_000) {
            recipients.clear();
        }
        String recipient = journal.recipientOf(interchangeId);
        recipients.put(interchangeId, recipient);
        return recipient;
    }

    /**
     * Body in: message journal id (or its record, from a batch). Body out: the message in the stock reader's XML
     * shape, as a parsed tree (Saxon {@code XdmNode}); headers name the mapping.
     */
    public void read(Exchange exchange) {
        Message in = exchange.getMessage();
        QueuedMessage queued = QueuedMessage.take(in, journal, partners);
        MessageRecord m = queued.record();
        Partner partner = queued.partner();
        in.setHeader(AvalHeaders.MESSAGE_TYPE, m.messageType());
        in.setHeader(AvalHeaders.DOCUMENT_NUMBER, m.documentNumber());
        MappingCatalog.Mapping mapping = mappings.inbound(m.messageType(), m.messageVersion())
                .orElseThrow(() -> new MessageRejectedException("no inbound mapping for " + m.messageType()));
        in.setHeader(AvalHeaders.MAPPING, mapping.stylesheet().toString());
        in.setHeader(AvalHeaders.DOCUMENT_TYPE, mapping.documentType());
        in.setHeader("sellerId", recipientOf(m.interchangeId()));
        try {
            // the reader's events go straight into the tree the mapping and the tap read
            UblMapping.Tree tree = ubl.newTree();
            readers.read(m.rawText(), m.messageVersion(), partner.inbound().reader(), tree.handler());
            in.setBody(tree.document());
        } catch (MessageRejectedException e) {
            throw new MessageRejectedException("partner " + m.partnerId() + ", interchange " + m.interchangeRef()
                    + ", message " + m.messageRef() + " (" + m.messageType() + " " + m.documentNumber() + "): " + e.getMessage());
        }
    }

    /** Exchange header holding the message's parsed tree (a read-only DOM) for the tap, within the translation stage only. */
    static final String SOURCE_TREE = "AvalSourceTree";

    /** The XSLT parameters the gateway sets, from the headers of the same names (as Camel's xslt component passed them). */
    private static final java.util.List<String> PARAMETERS = java.util.List.of("defaultCurrency", "sellerId");

    /**
     * After {@link #read}: maps the message's EDIFACT XML with the mapping {@link #read} named and validates the
     * result against the UBL 2.1 schema, in one pass ({@link UblMapping}). Body out: the UBL document as the ERP
     * receives it; the parsed message stays in {@link #SOURCE_TREE} for the tap.
     */
    public void map(Exchange exchange) {
        Message in = exchange.getMessage();
        java.util.Map<String, String> parameters = new java.util.HashMap<>();
        for (String name : PARAMETERS) {
            String value = in.getHeader(name, String.class);
            if (value != null) {
                parameters.put(name, value);
            }
        }
        java.nio.file.Path stylesheet = java.nio.file.Path.of(in.getHeader(AvalHeaders.MAPPING, String.class));
        String documentType = in.getHeader(AvalHeaders.DOCUMENT_TYPE, String.class);
        UblMapping.Mapped mapped = in.getBody() instanceof net.sf.saxon.s9api.XdmNode tree
                ? ubl.map(tree, stylesheet, parameters, documentType)
                : ubl.map(in.getBody(String.class), stylesheet, parameters, documentType);
        in.setHeader(SOURCE_TREE, mapped.source());
        in.setBody(mapped.document());
    }
}
