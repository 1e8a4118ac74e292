package io.aval.signal;

import static io.aval.signal.internal.Dom.child;
import static io.aval.signal.internal.Dom.children;
import static io.aval.signal.internal.Dom.descendants;
import static io.aval.signal.internal.Dom.localName;
import static io.aval.signal.internal.Dom.text;

import io.aval.signal.internal.Dom;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.aval.signal.internal.Dom;
import io.aval.signal.internal.EdifactDates;

/**
 * Reads the XML the stock Smooks {@code edifact:parser} emits for one message (the
 * {@code <D96A:Message>} element, or the same in any other directory namespace) into an
 * {@link AccountEvent}. Segments are found by name, not by segment-group number, so the same code
 * reads ORDERS, DESADV (lines under CPS groups), INVOIC, ORDRSP, RECADV and REMADV in D96A or D01B.
 */
public final class AccountEventExtractor {

    /** The QTY qualifier that carries "the" quantity of a line, per message type. */
    private static final Map<String, List<String>> PRIMARY_QTY = Map.of(
            "ORDERS", List.of("21"),
            "ORDRSP", List.of("113", "21", "12"),
            "DESADV", List.of("12"),
            "INVOIC", List.of("47", "61", "46"),
            "RECADV", List.of("48", "194", "12"),
            "REMADV", List.of());

    /** The segments {@link #extract} looks for anywhere in a message's body. */
    private static final java.util.Set<String> BODY_SEGMENTS = java.util.Set.of("LIN", "FTX", "QVR", "AJT", "MOA");

    /** All events of an interchange document, one per message, in document order. */
    public List<AccountEvent> extractAll(Document interchange, String accountId, Direction direction,
                                         String journalId) {
        List<AccountEvent> out = new ArrayList<>();
        for (Element m : descendants(interchange.getDocumentElement(), "Message")) {
            out.add(extract(m, accountId, direction, journalId));
        }
        return out;
    }

    /**
     * @param message a {@code Message} element (or a Document holding exactly one)
     * @throws IllegalArgumentException when the node is not a structured message or has no document date
     */
    public AccountEvent extract(Node message, String accountId, Direction direction, String journalId) {
        Element msg = toMessage(message);
        Element unh = child(msg, "UNH");
        String type = unh == null ? null : text(unh, "S009", "E0065");
        Element body = null;
        for (Element c : children(msg)) {
            String ln = localName(c);
            if (!ln.equals("UNH") && !ln.equals("UNT")) {
                body = c;
                break;
            }
        }
        if (body == null || "BadMessage".equals(localName(body))) {
            throw new IllegalArgumentException("not a structured EDIFACT message: " + localName(msg));
        }
        if (type == null) {
            type = localName(body);
        }

        // one walk of the body for every segment read below (the translation stage hands over a DOM view of Saxon's tree,
        // which makes a wrapper for each node it visits: a walk per segment name was a few per cent of the import's CPU)
        Map<String, List<Element>> segments = descendants(body, BODY_SEGMENTS);
        List<Element> lineGroups = lineGroups(segments.get("LIN"));
        Element bgm = child(body, "BGM");
        String docCode = bgm == null ? null : text(bgm, "C002", "E1001");
        String docNo = bgm == null ? null : text(bgm, "E1004");
        if (docNo == null && bgm != null) {
            docNo = text(bgm, "C106", "E1004");
        }

        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (Element dtm : children(body, "DTM")) {
            String q = text(dtm, "C507", "E2005");
            LocalDate d = EdifactDates.parse(text(dtm, "C507", "E2380"), text(dtm, "C507", "E2379"));
            if (q != null && d != null) {
                dates.putIfAbsent(q, d);
            }
        }
        LocalDate businessDate = dates.get("137");
        if (businessDate == null) {
            businessDate = dates.get("3");
        }
        if (businessDate == null) {
            throw new IllegalArgumentException("message " + docNo + " (" + type + ") has no DTM+137 document date");
        }

        Map<String, String> refs = new LinkedHashMap<>();
        List<AccountEvent.Party> parties = new ArrayList<>();
        List<AccountEvent.Contact> contacts = new ArrayList<>();
        for (Element group : children(body)) {
            String ln = localName(group);
            if (ln.equals("RFF")) {
                putRef(refs, group);
            } else if (ln.startsWith("SegGrp") && !containsNode(lineGroups, group)) {
                Element rff = child(group, "RFF");
                if (rff != null) {
                    putRef(refs, rff);
                }
                Element nad = child(group, "NAD");
                if (nad != null) {
                    AccountEvent.Party p = party(nad);
                    parties.add(p);
                    for (Element cta : descendants(group, "CTA")) {
                        contacts.add(contact(p.qualifier(), cta));
                    }
                }
            }
        }

        List<String> freeTexts = new ArrayList<>();
        for (Element ftx : segments.get("FTX")) {
            StringBuilder sb = new StringBuilder();
            Element c108 = child(ftx, "C108");
            if (c108 != null) {
                for (Element t : children(c108)) {
                    String s = t.getTextContent();
                    if (s != null && !s.isBlank()) {
                        sb.append(sb.length() == 0 ? "" : " ").append(s.trim());
                    }
                }
            }
            if (sb.length() > 0) {
                freeTexts.add(sb.toString());
            }
        }

        List<String> discrepancies = new ArrayList<>();
        for (Element qvr : segments.get("QVR")) {
            String code = text(qvr, "E4221");
            discrepancies.add("QVR" + (code == null ? "" : ":" + code));
        }
        for (Element ajt : segments.get("AJT")) {
            String code = text(ajt, "E4465");
            discrepancies.add("AJT" + (code == null ? "" : ":" + code));
        }

        List<AccountEvent.Line> lines = new ArrayList<>();
        for (Element g : lineGroups) {
            lines.add(line(g, type));
        }

        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Element moa : segments.get("MOA")) {
            if (insideAny(moa, lineGroups, body)) {
                continue;
            }
            String q = text(moa, "C516", "E5025");
            BigDecimal v = decimal(text(moa, "C516", "E5004"));
            if (q != null && v != null) {
                totals.putIfAbsent(q, v);
            }
        }

        return new AccountEvent(accountId, businessDate, type, direction, docNo, docCode, refs,
                dates.get("2"), dates, parties, lines, totals, freeTexts, contacts, discrepancies, journalId);
    }

    private static Element toMessage(Node node) {
        if (node instanceof Document d) {
            // a Message never holds another: the walk stops at the one it finds instead of going through all its segments
            List<Element> ms = Dom.outermost(d.getDocumentElement(), "Message");
            if (ms.size() != 1) {
                throw new IllegalArgumentException("expected one Message, found " + ms.size());
            }
            return ms.get(0);
        }
        if (node instanceof Element e) {
            if ("Message".equals(localName(e))) {
                return e;
            }
            List<Element> ms = descendants(e, "Message");
            if (ms.size() == 1) {
                return ms.get(0);
            }
        }
        throw new IllegalArgumentException("not a Message element: " + node);
    }

    /**
     * Line groups are the elements holding a LIN, kept in document order. Nodes are compared with
     * {@link Node#isSameNode}, not by reference: a DOM view over another tree (Saxon's, in the
     * translation stage) may hand out a new object for the same node each time.
     */
    private static List<Element> lineGroups(List<Element> lins) {
        List<Element> ordered = new ArrayList<>();
        for (Element lin : lins) {
            Element g = (Element) lin.getParentNode();
            if (!containsNode(ordered, g)) {
                ordered.add(g);
            }
        }
        return ordered;
    }

    private static boolean containsNode(java.util.Collection<Element> nodes, Node node) {
        for (Element e : nodes) {
            if (e.isSameNode(node)) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideAny(Element e, List<Element> groups, Element stop) {
        for (Node n = e.getParentNode(); n != null && !n.isSameNode(stop); n = n.getParentNode()) {
            if (n instanceof Element pe && containsNode(groups, pe)) {
                return true;
            }
        }
        return false;
    }

    private static void putRef(Map<String, String> refs, Element rff) {
        String q = text(rff, "C506", "E1153");
        String v = text(rff, "C506", "E1154");
        if (q != null && v != null) {
            refs.putIfAbsent(q, v);
        }
    }

    private static AccountEvent.Party party(Element nad) {
        String name = text(nad, "C080", "E3036");
        if (name == null) {
            name = text(nad, "C058", "E3124");
        }
        return new AccountEvent.Party(text(nad, "E3035"), text(nad, "C082", "E3039"), name,
                text(nad, "C059", "E3042"), text(nad, "E3164"), text(nad, "E3251"), text(nad, "E3207"));
    }

    private static AccountEvent.Contact contact(String partyQualifier, Element cta) {
        String name = text(cta, "C056", "E3412");
        List<String> coms = new ArrayList<>();
        Element group = (Element) cta.getParentNode();
        boolean after = false;
        for (Element c : children(group)) {
            if (c.isSameNode(cta)) {
                after = true;
                continue;
            }
            if (!after) {
                continue;
            }
            if ("CTA".equals(localName(c))) {
                break;
            }
            if ("COM".equals(localName(c))) {
                String v = text(c, "C076", "E3148");
                if (v != null) {
                    coms.add(v);
                }
            }
        }
        return new AccountEvent.Contact(partyQualifier, text(cta, "E3139"), name, coms);
    }

    private static AccountEvent.Line line(Element g, String type) {
        Element lin = child(g, "LIN");
        String lineNo = text(lin, "E1082");
        String productId = text(lin, "C212", "E7140");
        String idType = text(lin, "C212", "E7143");
        String buyer = null;
        String seller = null;
        for (Element pia : children(g, "PIA")) {
            for (Element c212 : children(pia, "C212")) {
                String code = text(c212, "E7140");
                String qual = text(c212, "E7143");
                if ("BP".equals(qual) && buyer == null) {
                    buyer = code;
                } else if (("SA".equals(qual) || "MF".equals(qual)) && seller == null) {
                    seller = code;
                }
            }
        }
        if ("BP".equals(idType)) {
            buyer = buyer == null ? productId : buyer;
        } else if ("SA".equals(idType)) {
            seller = seller == null ? productId : seller;
        }
        if (productId == null) {
            productId = seller != null ? seller : buyer;
        }
        String description = null;
        for (Element imd : children(g, "IMD")) {
            String d = text(imd, "C273", "E7008");
            if (d != null) {
                description = d;
                break;
            }
        }
        Map<String, BigDecimal> quantities = new LinkedHashMap<>();
        for (Element qty : descendantsOutsideNestedLines(g, "QTY")) {
            String q = text(qty, "C186", "E6063");
            BigDecimal v = decimal(text(qty, "C186", "E6060"));
            if (q != null && v != null) {
                quantities.merge(q, v, BigDecimal::add);
            }
        }
        BigDecimal quantity = null;
        for (String q : PRIMARY_QTY.getOrDefault(type, List.of())) {
            if (quantities.containsKey(q)) {
                quantity = quantities.get(q);
                break;
            }
        }
        if (quantity == null && !quantities.isEmpty()) {
            quantity = quantities.values().iterator().next();
        }
        BigDecimal net = null;
        BigDecimal gross = null;
        BigDecimal any = null;
        for (Element pri : descendantsOutsideNestedLines(g, "PRI")) {
            String q = text(pri, "C509", "E5125");
            BigDecimal v = decimal(text(pri, "C509", "E5118"));
            if (v == null) {
                continue;
            }
            if ("AAA".equals(q) && net == null) {
                net = v;
            } else if ("AAB".equals(q) && gross == null) {
                gross = v;
            } else if (any == null) {
                any = v;
            }
        }
        BigDecimal price = net != null ? net : gross != null ? gross : any;
        BigDecimal amount = null;
        for (Element moa : descendantsOutsideNestedLines(g, "MOA")) {
            if ("203".equals(text(moa, "C516", "E5025"))) {
                amount = decimal(text(moa, "C516", "E5004"));
                break;
            }
        }
        return new AccountEvent.Line(lineNo, productId, buyer, seller, description, quantity, price, amount,
                quantities);
    }

    private static List<Element> descendantsOutsideNestedLines(Element group, String name) {
        List<Element> out = new ArrayList<>();
        for (Element e : descendants(group, name)) {
            boolean nested = false;
            for (Node n = e.getParentNode(); n != null && !n.isSameNode(group); n = n.getParentNode()) {
                if (n instanceof Element pe && Dom.child(pe, "LIN") != null) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                out.add(e);
            }
        }
        return out;
    }

    private static BigDecimal decimal(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
