package io.aval.signal;

import static io.aval.signal.internal.Dom.child;
import static io.aval.signal.internal.Dom.children;
import static io.aval.signal.internal.Dom.localName;
import static io.aval.signal.internal.Dom.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.aval.signal.internal.Dom;

/**
 * Reads UBL 2.1 Order, OrderResponse, DespatchAdvice, Invoice, CreditNote and ReceiptAdvice documents into
 * the same {@link AccountEvent} the EDIFACT extractor produces, with EDIFACT codes (message type, BGM
 * 1001, RFF and DTM qualifiers) so detectors need not know which standard a partner uses.
 */
public final class UblAccountEventExtractor {

    private record Kind(String messageType, String defaultCode, String lineElement, String quantityElement,
                        String quantityQualifier) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "Order", new Kind("ORDERS", "220", "OrderLine", "Quantity", "21"),
            "OrderResponse", new Kind("ORDRSP", "231", "OrderLine", "Quantity", "113"),
            "DespatchAdvice", new Kind("DESADV", "351", "DespatchLine", "DeliveredQuantity", "12"),
            "Invoice", new Kind("INVOIC", "380", "InvoiceLine", "InvoicedQuantity", "47"),
            "CreditNote", new Kind("INVOIC", "381", "CreditNoteLine", "CreditedQuantity", "61"),
            "ReceiptAdvice", new Kind("RECADV", "632", "ReceiptLine", "ReceivedQuantity", "194"));

    /**
     * @param document a UBL document (Document or its root Element)
     * @throws IllegalArgumentException for a root this extractor does not know, or a missing IssueDate
     */
    public AccountEvent extract(Node document, String accountId, Direction direction, String journalId) {
        Element root = document instanceof Document d ? d.getDocumentElement() : (Element) document;
        Kind kind = KINDS.get(localName(root));
        if (kind == null) {
            throw new IllegalArgumentException("not a supported UBL document: " + localName(root));
        }
        String code = text(root, "InvoiceTypeCode");
        if (code == null) {
            code = text(root, "CreditNoteTypeCode");
        }
        if (code == null || "CreditNote".equals(localName(root))) {
            code = kind.defaultCode();
        }
        LocalDate date = date(text(root, "IssueDate"));
        if (date == null) {
            throw new IllegalArgumentException("UBL " + localName(root) + " " + text(root, "ID") + " has no IssueDate");
        }

        Map<String, String> refs = new LinkedHashMap<>();
        putRef(refs, "ON", root, "OrderReference", "ID");
        putRef(refs, "DQ", root, "DespatchDocumentReference", "ID");
        putRef(refs, "CT", root, "ContractDocumentReference", "ID");
        Element billing = child(root, "BillingReference");
        if (billing != null) {
            putRef(refs, "IV", billing, "InvoiceDocumentReference", "ID");
        }

        Map<String, LocalDate> dates = new LinkedHashMap<>();
        dates.put("137", date);
        Element delivery = child(root, "Delivery");
        Element shipment = child(root, "Shipment");
        if (delivery == null && shipment != null) {
            delivery = child(shipment, "Delivery");
        }
        LocalDate requested = null;
        if (delivery != null) {
            requested = date(text(delivery, "RequestedDeliveryPeriod", "StartDate"));
            LocalDate estimated = date(text(delivery, "EstimatedDeliveryPeriod", "StartDate"));
            if (estimated != null) {
                dates.put("132", estimated);
            }
            LocalDate actual = date(text(delivery, "ActualDeliveryDate"));
            if (actual != null) {
                dates.put("35", actual);
            }
        }
        if (requested != null) {
            dates.put("2", requested);
        }

        List<AccountEvent.Party> parties = new ArrayList<>();
        List<AccountEvent.Contact> contacts = new ArrayList<>();
        String[][] roles = {{"BuyerCustomerParty", "BY"}, {"AccountingCustomerParty", "BY"},
                {"DeliveryCustomerParty", "BY"}, {"SellerSupplierParty", "SU"}, {"AccountingSupplierParty", "SU"},
                {"DespatchSupplierParty", "SU"}};
        for (String[] role : roles) {
            Element holder = child(root, role[0]);
            Element party = holder == null ? null : child(holder, "Party");
            if (party == null || parties.stream().anyMatch(p -> p.qualifier().equals(role[1]))) {
                continue;
            }
            parties.add(party(role[1], party, child(party, "PostalAddress")));
            Element contact = child(party, "Contact");
            if (contact != null) {
                List<String> coms = new ArrayList<>();
                for (String c : new String[] {"ElectronicMail", "Telephone"}) {
                    String v = text(contact, c);
                    if (v != null) {
                        coms.add(v);
                    }
                }
                contacts.add(new AccountEvent.Contact(role[1], "OC", text(contact, "Name"), coms));
            }
        }
        if (delivery != null) {
            Element location = child(delivery, "DeliveryLocation");
            Element address = child(delivery, "DeliveryAddress");
            if (address == null && location != null) {
                address = child(location, "Address");
            }
            Element deliveryParty = child(delivery, "DeliveryParty");
            if (address != null || location != null || deliveryParty != null) {
                String id = location == null ? null : text(location, "ID");
                AccountEvent.Party p = party("DP", deliveryParty, address);
                parties.add(new AccountEvent.Party("DP", id != null ? id : p.id(), p.name(), p.street(), p.city(),
                        p.postcode(), p.country()));
            }
        }

        List<String> notes = new ArrayList<>(Dom.texts(root, "Note"));
        List<AccountEvent.Line> lines = new ArrayList<>();
        for (Element holder : children(root, kind.lineElement())) {
            Element line = "OrderLine".equals(kind.lineElement()) ? child(holder, "LineItem") : holder;
            if (line == null) {
                continue;
            }
            notes.addAll(Dom.texts(holder, "Note"));
            lines.add(line(line, kind));
        }

        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        Element monetary = child(root, "LegalMonetaryTotal");
        if (monetary == null) {
            monetary = child(root, "AnticipatedMonetaryTotal");
        }
        if (monetary != null) {
            putAmount(totals, "79", text(monetary, "LineExtensionAmount"));
            putAmount(totals, "125", text(monetary, "TaxExclusiveAmount"));
            putAmount(totals, "77", text(monetary, "TaxInclusiveAmount"));
            putAmount(totals, "9", text(monetary, "PayableAmount"));
        }
        Element tax = child(root, "TaxTotal");
        if (tax != null) {
            putAmount(totals, "124", text(tax, "TaxAmount"));
        }

        return new AccountEvent(accountId, date, kind.messageType(), direction, text(root, "ID"), code, refs, requested,
                dates, parties, lines, totals, notes, contacts, List.of(), journalId);
    }

    private static AccountEvent.Line line(Element line, Kind kind) {
        Element item = child(line, "Item");
        String standard = item == null ? null : text(item, "StandardItemIdentification", "ID");
        String seller = item == null ? null : text(item, "SellersItemIdentification", "ID");
        String buyer = item == null ? null : text(item, "BuyersItemIdentification", "ID");
        String product = standard != null ? standard : seller != null ? seller : buyer;
        Map<String, BigDecimal> quantities = new LinkedHashMap<>();
        BigDecimal qty = decimal(text(line, kind.quantityElement()));
        if (qty != null) {
            quantities.put(kind.quantityQualifier(), qty);
        }
        BigDecimal outstanding = decimal(text(line, "OutstandingQuantity"));
        if (outstanding != null) {
            quantities.put("83", outstanding);
        }
        BigDecimal price = decimal(text(line, "Price", "PriceAmount"));
        return new AccountEvent.Line(text(line, "ID"), product, buyer, seller, item == null ? null : text(item, "Name"),
                qty, price, decimal(text(line, "LineExtensionAmount")), quantities);
    }

    private static AccountEvent.Party party(String qualifier, Element party, Element address) {
        String id = null;
        String name = null;
        if (party != null) {
            id = text(party, "PartyIdentification", "ID");
            if (id == null) {
                id = text(party, "EndpointID");
            }
            name = text(party, "PartyName", "Name");
            if (address == null) {
                address = child(party, "PostalAddress");
            }
        }
        String street = null;
        String city = null;
        String postcode = null;
        String country = null;
        if (address != null) {
            street = text(address, "StreetName");
            city = text(address, "CityName");
            postcode = text(address, "PostalZone");
            country = text(address, "Country", "IdentificationCode");
        }
        return new AccountEvent.Party(qualifier, id, name, street, city, postcode, country);
    }

    private static void putRef(Map<String, String> refs, String qualifier, Element from, String... path) {
        String v = text(from, path);
        if (v != null) {
            refs.putIfAbsent(qualifier, v);
        }
    }

    private static void putAmount(Map<String, BigDecimal> totals, String qualifier, String value) {
        BigDecimal v = decimal(value);
        if (v != null) {
            totals.putIfAbsent(qualifier, v);
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.trim().substring(0, Math.min(10, s.trim().length())));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return s == null ? null : new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
