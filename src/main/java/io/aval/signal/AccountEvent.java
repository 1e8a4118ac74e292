package io.aval.signal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One business document (ORDERS, DESADV, INVOIC, ORDRSP, RECADV, REMADV…) reduced to what the signal
 * detectors need, whatever its standard (EDIFACT D96A/D01B or UBL). All dates are the document's own
 * business dates, never the time the gateway saw it.
 *
 * @param accountId         the customer account the document concerns
 * @param businessDate      document date (DTM+137, UBL IssueDate)
 * @param messageType       EDIFACT message type name (ORDERS, DESADV, INVOIC…)
 * @param direction         inbound (from the customer) or outbound (to the customer)
 * @param documentNumber    BGM 1004
 * @param documentCode      BGM 1001 (220 order, 351 despatch advice, 380 invoice, 381 credit note…)
 * @param references        header RFF qualifier → value (ON order, IV invoice, DQ despatch, CT contract…)
 * @param requestedDelivery DTM+2, the delivery date the customer asks for
 * @param dates             every header DTM qualifier → date (11 despatch, 132 estimated arrival…)
 * @param parties           NAD parties (BY, SU, DP, ST, IV…)
 * @param lines             document lines
 * @param totals            summary MOA qualifier → amount (77 invoice total, 79 line total, 124 tax…)
 * @param freeTexts         every FTX text, header and line
 * @param contacts          CTA contacts with their COM values
 * @param discrepancies     discrepancy/adjustment codes reported by the customer (RECADV QVR, REMADV AJT)
 * @param journalId         id of the source message in the journal
 */
public record AccountEvent(
        String accountId,
        LocalDate businessDate,
        String messageType,
        Direction direction,
        String documentNumber,
        String documentCode,
        Map<String, String> references,
        LocalDate requestedDelivery,
        Map<String, LocalDate> dates,
        List<Party> parties,
        List<Line> lines,
        Map<String, BigDecimal> totals,
        List<String> freeTexts,
        List<Contact> contacts,
        List<String> discrepancies,
        String journalId) {

    public AccountEvent {
        references = references == null ? Map.of() : Map.copyOf(references);
        dates = dates == null ? Map.of() : Map.copyOf(dates);
        parties = parties == null ? List.of() : List.copyOf(parties);
        lines = lines == null ? List.of() : List.copyOf(lines);
        totals = totals == null ? Map.of() : Map.copyOf(totals);
        freeTexts = freeTexts == null ? List.of() : List.copyOf(freeTexts);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
    }

    /** A NAD party with its name and address as far as the message gives them. */
    public record Party(String qualifier, String id, String name, String street, String city,
                        String postcode, String country) {

        /**
         * What identifies a site for "first seen": the party id (GLN) when there is one, else the
         * normalised address, so the same warehouse written twice is one site.
         */
        public String siteKey() {
            if (id != null && !id.isBlank()) {
                return id.trim();
            }
            String key = String.join("|", nz(name), nz(street), nz(city), nz(postcode), nz(country));
            return key.replace("|", "").isBlank() ? null : key;
        }

        private static String nz(String s) {
            return s == null ? "" : s.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        }
    }

    /**
     * One line. {@code quantity} is the quantity that matters for the message type (ordered 21,
     * despatched 12, invoiced 47, received 194…); {@code quantities} keeps every QTY qualifier.
     */
    public record Line(String lineNumber, String productId, String buyerCode, String sellerCode,
                       String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal lineAmount, Map<String, BigDecimal> quantities) {

        public Line {
            quantities = quantities == null ? Map.of() : Map.copyOf(quantities);
        }

        /** Line value: the line amount if given, else quantity × unit price, else null. */
        public BigDecimal value() {
            if (lineAmount != null) {
                return lineAmount;
            }
            if (quantity != null && unitPrice != null) {
                return quantity.multiply(unitPrice);
            }
            return null;
        }
    }

    /** A CTA contact (function code, name) with its COM values, under the party it belongs to. */
    public record Contact(String partyQualifier, String function, String name, List<String> communications) {
        public Contact {
            communications = communications == null ? List.of() : List.copyOf(communications);
        }

        /** Identity for "first seen": the normalised name, else the first communication value. */
        public String key() {
            if (name != null && !name.isBlank()) {
                return name.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            }
            return communications.isEmpty() ? null : communications.get(0).trim().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Optional<Party> party(String qualifier) {
        return parties.stream().filter(p -> qualifier.equals(p.qualifier())).findFirst();
    }

    /** The delivery party: DP, else ST. */
    public Optional<Party> deliveryParty() {
        return party("DP").or(() -> party("ST"));
    }

    public Optional<String> reference(String qualifier) {
        return Optional.ofNullable(references.get(qualifier));
    }

    /** Sum of line values; null when no line carries a value. */
    public BigDecimal linesValue() {
        BigDecimal sum = null;
        for (Line l : lines) {
            BigDecimal v = l.value();
            if (v != null) {
                sum = sum == null ? v : sum.add(v);
            }
        }
        return sum;
    }

    /** Sum of line quantities. */
    public BigDecimal totalQuantity() {
        return lines.stream().map(Line::quantity).filter(q -> q != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean isOrder() {
        return "ORDERS".equals(messageType);
    }

    /** The event as JSON, as the history stores it and the tap queue carries it. */
    public String toJson() {
        return io.aval.signal.internal.Json.write(this);
    }

    public static AccountEvent fromJson(String json) {
        return io.aval.signal.internal.Json.read(json, AccountEvent.class);
    }
}
