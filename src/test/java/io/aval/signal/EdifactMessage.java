package io.aval.signal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes EANCOM-style D96A messages (ORDERS, DESADV, INVOIC, RECADV) as EDIFACT text, segments in the
 * order the D96A message structures require, so the stock parser structures them. Test fixture only.
 */
final class EdifactMessage {

    static final String SUPPLIER = "4012345000009";
    private static final DateTimeFormatter D = DateTimeFormatter.BASIC_ISO_DATE;
    /** A segment terminator not released by '?'. */
    private static final String SEGMENT = "(?<!\\?)'";

    final String type;
    final String number;
    final LocalDate date;
    final String code;
    private final List<String> dtms = new ArrayList<>();
    private final List<String> ftx = new ArrayList<>();
    private final List<String> rffs = new ArrayList<>();
    private final List<String> nads = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> trailer = new ArrayList<>();
    private int lineNo;
    String buyer;

    private EdifactMessage(String type, String code, String number, LocalDate date) {
        this.type = type;
        this.code = code;
        this.number = number;
        this.date = date;
        dtms.add("DTM+137:" + date.format(D) + ":102");
    }

    static EdifactMessage orders(String number, LocalDate date) {
        return new EdifactMessage("ORDERS", "220", number, date);
    }

    static EdifactMessage desadv(String number, LocalDate date) {
        return new EdifactMessage("DESADV", "351", number, date);
    }

    static EdifactMessage invoice(String number, LocalDate date) {
        return new EdifactMessage("INVOIC", "380", number, date);
    }

    static EdifactMessage creditNote(String number, LocalDate date) {
        return new EdifactMessage("INVOIC", "381", number, date);
    }

    static EdifactMessage recadv(String number, LocalDate date) {
        return new EdifactMessage("RECADV", "632", number, date);
    }

    static String esc(String s) {
        return s.replace("?", "??").replace("+", "?+").replace(":", "?:").replace("'", "?'");
    }

    EdifactMessage requested(LocalDate d) {
        dtms.add("DTM+2:" + d.format(D) + ":102");
        return this;
    }

    EdifactMessage dtm(String qualifier, LocalDate d) {
        dtms.add("DTM+" + qualifier + ":" + d.format(D) + ":102");
        return this;
    }

    EdifactMessage text(String text) {
        ftx.add("FTX+AAI+++" + esc(text));
        return this;
    }

    EdifactMessage ref(String qualifier, String value) {
        rffs.add("RFF+" + qualifier + ":" + esc(value));
        return this;
    }

    /** Buyer party; for ORDERS with an optional buyer contact. */
    EdifactMessage buyer(String gln, String contactName, String email) {
        this.buyer = gln;
        StringBuilder sb = new StringBuilder("NAD+BY+" + gln + "::9");
        if (contactName != null) {
            sb.append("'CTA+OC+:").append(esc(contactName));
            if (email != null) {
                sb.append("'COM+").append(esc(email)).append(":EM");
            }
        }
        nads.add(sb.toString());
        nads.add("NAD+SU+" + SUPPLIER + "::9");
        return this;
    }

    EdifactMessage deliverTo(String gln, String name, String street, String city, String postcode, String country) {
        nads.add("NAD+DP+" + (gln == null ? "" : gln + "::9") + "++" + esc(name) + "+" + esc(street) + "+" + esc(city)
                + "++" + postcode + "+" + country);
        return this;
    }

    EdifactMessage line(String gtin, String description, BigDecimal qty, BigDecimal price) {
        lineNo++;
        String qtyQualifier = switch (type) {
            case "ORDERS" -> "21";
            case "DESADV" -> "12";
            case "INVOIC" -> "381".equals(code) ? "61" : "47";
            default -> "194";
        };
        StringBuilder sb = new StringBuilder("LIN+" + lineNo + "++" + gtin + ":EN");
        if (description != null) {
            sb.append("'IMD+F++:::").append(esc(description));
        }
        sb.append("'QTY+").append(qtyQualifier).append(':').append(qty.stripTrailingZeros().toPlainString());
        if ("INVOIC".equals(type) && price != null) {
            sb.append("'MOA+203:").append(qty.multiply(price).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        }
        if (price != null && !"DESADV".equals(type)) {
            sb.append("'PRI+AAA:").append(price.stripTrailingZeros().toPlainString());
        }
        lines.add(sb.toString());
        return this;
    }

    EdifactMessage line(String gtin, String description, long qty, String price) {
        return line(gtin, description, BigDecimal.valueOf(qty), price == null ? null : new BigDecimal(price));
    }

    /** RECADV line: received vs despatched quantity. */
    EdifactMessage receivedLine(String gtin, long received, long despatched) {
        lineNo++;
        lines.add("LIN+" + lineNo + "++" + gtin + ":EN'QTY+194:" + received + "'QTY+12:" + despatched);
        return this;
    }

    EdifactMessage total(String qualifier, BigDecimal amount) {
        trailer.add("MOA+" + qualifier + ":" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        return this;
    }

    /** The message from UNH to UNT with the given message reference. */
    String toEdifact(int reference) {
        List<String> segs = new ArrayList<>();
        String version = switch (type) {
            case "ORDERS", "INVOIC" -> "EAN008";
            case "DESADV" -> "EAN005";
            default -> "EAN003";
        };
        segs.add("UNH+" + reference + "+" + type + ":D:96A:UN:" + version);
        segs.add("BGM+" + code + "+" + esc(number) + "+9");
        segs.addAll(dtms);
        if (!"DESADV".equals(type) && !"RECADV".equals(type)) {
            segs.addAll(ftx);
        }
        segs.addAll(rffs);
        for (String n : nads) {
            segs.addAll(List.of(n.split(SEGMENT)));
        }
        if ("DESADV".equals(type)) {
            segs.add("CPS+1");
        }
        if ("RECADV".equals(type)) {
            segs.add("CPS+1");
        }
        for (int i = 0; i < lines.size(); i++) {
            segs.addAll(List.of(lines.get(i).split(SEGMENT)));
            if (i == lines.size() - 1 && ("DESADV".equals(type)) && !ftx.isEmpty()) {
                segs.addAll(ftx);
            }
        }
        if (!"DESADV".equals(type) && !"RECADV".equals(type)) {
            segs.add("UNS+S");
        }
        segs.addAll(trailer);
        if ("INVOIC".equals(type) && trailer.isEmpty()) {
            // D96A INVOIC requires the totals group (SG48 MOA): a fixture without totals would be invalid
            segs.add("MOA+77:0.00");
        }
        segs.add("UNT+" + (segs.size() + 1) + "+" + reference);
        return String.join("'", segs) + "'";
    }

    /** One interchange holding the messages, in order. */
    static String interchange(String sender, String receiver, String reference, List<EdifactMessage> messages) {
        StringBuilder sb = new StringBuilder("UNA:+.? 'UNB+UNOC:3+").append(sender).append(":14+").append(receiver)
                .append(":14+260101:1200+").append(reference).append("'");
        int i = 1;
        for (EdifactMessage m : messages) {
            sb.append(m.toEdifact(i++));
        }
        sb.append("UNZ+").append(messages.size()).append('+').append(reference).append("'");
        return sb.toString();
    }
}
