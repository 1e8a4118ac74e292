package io.aval.gateway;

import io.aval.journal.Direction;
import io.aval.journal.InterchangeRecord;
import io.aval.journal.InterchangeStatus;
import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import io.aval.journal.ProcessingMode;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML documents. UBL documents issued by the supplier (despatch advices, invoices, credit notes,
 * order responses) dropped by the ERP go on to outbound translation; the same documents from an
 * import are recorded as what the supplier sent, never sent again. A UBL Order from a customer
 * who speaks XML goes on to the ERP (its partner is the one its BuyerCustomerParty ids name).
 * Anything else is quarantined with the reason. The XML is read with DTDs and external
 * entities disabled.
 */
final class XmlDocumentIntake {

    /** Documents the ERP drops are translated and sent; the same documents from an import are history. */
    static final String ERP_TRANSPORT = "erp";

    private static final Set<String> SUPPLIER_DOCUMENTS = Set.of("DespatchAdvice", "Invoice", "CreditNote", "OrderResponse");
    /** Documents customers who speak XML send us; they go to the ERP after schema validation. */
    private static final Set<String> CUSTOMER_DOCUMENTS = Set.of("Order");
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /**
     * XML documents are read whole (probe, XSLT, schema validation): a larger one is quarantined unread,
     * whatever {@code aval.limits.max-interchange-bytes} allows EDIFACT, which is streamed.
     */
    static final long MAX_XML_BYTES = 50L << 20;

    private final Journal journal;
    private final PartnerDirectory partners;

    XmlDocumentIntake(Journal journal, PartnerDirectory partners) {
        this.journal = journal;
        this.partners = partners;
    }

    static boolean looksLikeXml(byte[] raw) {
        int i = 0;
        if (raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < raw.length && Character.isWhitespace(raw[i])) {
            i++;
        }
        return i < raw.length && raw[i] == '<';
    }

    /**
     * Root element, document id, issue date and party ids (all of them; and the buyer's: its
     * PartyIdentification IDs and EndpointID under BuyerCustomerParty), read without building a tree.
     */
    record Probe(String root, String id, LocalDate issueDate, java.util.List<String> partyIds, java.util.List<String> buyerIds) {
    }

    /** Quarantines an XML document too large to be read whole; {@code limit} is the lower of the two limits. */
    void refuseTooLarge(InterchangeRecord record, long limit) {
        journal.settle(record.id(), InterchangeStatus.QUARANTINED, "XML document "
                + (record.sourceName() == null ? "" : record.sourceName() + " ") + "has " + record.sizeBytes()
                + " bytes; XML documents are read whole, and at most " + limit + " bytes are (EDIFACT is streamed)");
    }

    void process(InterchangeRecord record) {
        long interchangeId = record.id();
        Probe probe;
        try {
            probe = probe(record.rawBytes());
        } catch (XMLStreamException | RuntimeException e) {
            String reason = "XML document " + (record.sourceName() == null ? "" : record.sourceName() + " ")
                    + "is not well-formed or not allowed: " + firstLine(e.getMessage());
            journal.settle(interchangeId, InterchangeStatus.QUARANTINED, reason);
            return;
        }
        if (CUSTOMER_DOCUMENTS.contains(probe.root())) {
            processCustomerDocument(record, probe);
            return;
        }
        if (!SUPPLIER_DOCUMENTS.contains(probe.root())) {
            journal.settle(interchangeId, InterchangeStatus.QUARANTINED, "XML document <" + probe.root()
                    + "> " + probe.id() + ": no inbound flow for this document type");
            return;
        }
        String supplierId = partners.supplier().identities().isEmpty() ? null : partners.supplier().identities().get(0).id();
        Optional<Partner> partner = probe.partyIds().stream()
                .map(id -> partners.byIdentity(id, null))
                .flatMap(Optional::stream)
                .findFirst();
        if (!probe.partyIds().contains(supplierId) || partner.isEmpty()) {
            journal.settle(interchangeId, InterchangeStatus.QUARANTINED, "UBL " + probe.root() + " " + probe.id()
                    + ": parties " + probe.partyIds() + " do not name the supplier and a known partner");
            return;
        }
        journal.describe(interchangeId, new Journal.Envelope(Direction.OUTBOUND, partner.get().id(), supplierId, null,
                null, null, probe.id(), "UBL 2.1", probe.issueDate()));
        // a UBL document has no interchange reference: its type and ID are what make it unique
        String reference = probe.root() + ":" + probe.id();
        String type = "UBL:" + probe.root();
        if (!journal.claimReference(supplierId, partner.get().id(), reference, interchangeId)) {
            String reason = "UBL " + probe.root() + " " + probe.id() + " for partner " + partner.get().id()
                    + " was already received as interchange I-" + journal.referenceHolder(supplierId, partner.get().id(), reference);
            journal.addMessage(new Journal.NewMessage(interchangeId, 1, partner.get().id(), Direction.OUTBOUND, type,
                    "UBL 2.1", null, null, probe.id(), probe.issueDate(), MessageStatus.DUPLICATE, reason, null));
            journal.settle(interchangeId, InterchangeStatus.DUPLICATE, reason);
            return;
        }
        boolean fromErp = ERP_TRANSPORT.equals(record.transport()) && record.mode() == ProcessingMode.DELIVER;
        journal.addMessage(new Journal.NewMessage(interchangeId, 1, partner.get().id(), Direction.OUTBOUND, type,
                "UBL 2.1", null, null, probe.id(), probe.issueDate(),
                fromErp ? MessageStatus.ACCEPTED : MessageStatus.ARCHIVED,
                fromErp ? null : "issued by the supplier: recorded, not sent again",
                new String(record.rawBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        journal.settle(interchangeId, InterchangeStatus.ACCEPTED, null);
    }

    /**
     * A customer's UBL document: the partner is the one whose identities name the buyer, it must be agreed
     * ({@code inbound.messageTypes} holds {@code "UBL:<root>"}) and name the supplier; its type and ID make it
     * unique per partner. It goes on to the ERP (or is recorded only, in an archive import).
     */
    private void processCustomerDocument(InterchangeRecord record, Probe probe) {
        long interchangeId = record.id();
        String type = "UBL:" + probe.root();
        String what = "UBL " + probe.root() + " " + probe.id();
        Optional<Partner> partner = probe.buyerIds().stream()
                .map(id -> partners.byIdentity(id, null))
                .flatMap(Optional::stream)
                .findFirst();
        if (partner.isEmpty()) {
            journal.settle(interchangeId, InterchangeStatus.QUARANTINED, what + ": buyer " + probe.buyerIds()
                    + " (BuyerCustomerParty) is in no partner profile");
            return;
        }
        Partner p = partner.get();
        String buyerId = probe.buyerIds().stream().filter(id -> p.isIdentifiedBy(id, null)).findFirst().orElseThrow();
        Optional<String> supplierId = probe.partyIds().stream().filter(id -> partners.isSupplier(id, null)).findFirst();
        String reason = null;
        if (!p.inbound().accepts(type)) {
            reason = what + " from partner " + p.id() + ": " + type + " is not among the types partner " + p.id()
                    + " may send " + p.inbound().messageTypes();
        } else if (supplierId.isEmpty()) {
            reason = what + " from partner " + p.id() + ": parties " + probe.partyIds() + " do not name the supplier";
        }
        journal.describe(interchangeId, new Journal.Envelope(Direction.INBOUND, p.id(), buyerId, null,
                supplierId.orElse(null), null, probe.id(), "UBL 2.1", probe.issueDate()));
        if (reason != null) {
            journal.addMessage(new Journal.NewMessage(interchangeId, 1, p.id(), Direction.INBOUND, type, "UBL 2.1",
                    null, null, probe.id(), probe.issueDate(), MessageStatus.QUARANTINED, reason, null));
            journal.settle(interchangeId, InterchangeStatus.QUARANTINED, reason);
            return;
        }
        String reference = probe.root() + ":" + probe.id();
        if (!journal.claimReference(buyerId, supplierId.get(), reference, interchangeId)) {
            String dup = what + " from partner " + p.id() + " was already received as interchange I-"
                    + journal.referenceHolder(buyerId, supplierId.get(), reference);
            journal.addMessage(new Journal.NewMessage(interchangeId, 1, p.id(), Direction.INBOUND, type, "UBL 2.1",
                    null, null, probe.id(), probe.issueDate(), MessageStatus.DUPLICATE, dup, null));
            journal.settle(interchangeId, InterchangeStatus.DUPLICATE, dup);
            return;
        }
        boolean archive = record.mode() == ProcessingMode.ARCHIVE;
        journal.addMessage(new Journal.NewMessage(interchangeId, 1, p.id(), Direction.INBOUND, type, "UBL 2.1",
                null, null, probe.id(), probe.issueDate(), archive ? MessageStatus.ARCHIVED : MessageStatus.ACCEPTED,
                archive ? "archive import: recorded, not delivered" : null,
                new String(record.rawBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        journal.settle(interchangeId, InterchangeStatus.ACCEPTED, null);
    }

    static Probe probe(byte[] raw) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(raw));
        String root = null;
        String id = null;
        LocalDate date = null;
        java.util.List<String> parties = new java.util.ArrayList<>();
        java.util.List<String> buyer = new java.util.ArrayList<>();
        int depth = 0;
        boolean inParty = false;
        boolean inBuyer = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamReader.DTD) {
                throw new XMLStreamException("DOCTYPE declarations are refused");
            }
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
                String name = r.getLocalName();
                if (root == null) {
                    root = name;
                } else if (depth == 2 && CBC.equals(r.getNamespaceURI()) && "ID".equals(name) && id == null) {
                    id = r.getElementText();
                    depth--;
                } else if (depth == 2 && "IssueDate".equals(name) && date == null) {
                    try {
                        date = LocalDate.parse(r.getElementText().trim());
                    } catch (DateTimeParseException e) {
                        date = null;
                    }
                    depth--;
                } else if ("BuyerCustomerParty".equals(name)) {
                    inBuyer = true;
                } else if ("PartyIdentification".equals(name)) {
                    inParty = true;
                } else if (inParty && "ID".equals(name)) {
                    String party = r.getElementText().trim();
                    parties.add(party);
                    if (inBuyer) {
                        buyer.add(party);
                    }
                    depth--;
                } else if (inBuyer && "EndpointID".equals(name)) {
                    buyer.add(r.getElementText().trim());
                    depth--;
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
                if ("PartyIdentification".equals(r.getLocalName())) {
                    inParty = false;
                } else if ("BuyerCustomerParty".equals(r.getLocalName())) {
                    inBuyer = false;
                }
            }
        }
        return new Probe(root, id, date, parties, buyer);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
