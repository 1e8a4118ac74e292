package io.aval.testing;

import java.nio.charset.StandardCharsets;

/** Builds small, valid EDIFACT interchanges for tests (counts computed, so breakage is deliberate). */
public final class Edifact {

    public static final String ACME = "5412345000013";
    public static final String SUPPLIER = "4012345000009";

    private Edifact() {
    }

    /** An ORDERS D96A message body (without UNH/UNT) for one order line. */
    public static String[] ordersBody(String po, String date, String gtin, int qty) {
        return new String[] {
            "BGM+220+" + po + "+9",
            "DTM+137:" + date + ":102",
            "NAD+BY+" + ACME + "::9",
            "NAD+SU+" + SUPPLIER + "::9",
            "NAD+DP+5412345000099::9++Acme Entrepot Lyon+12 rue des Docks+Lyon++69007+FR",
            "LIN+1++" + gtin + ":EN",
            "QTY+21:" + qty,
            "PRI+AAA:1.25",
            "UNS+S"
        };
    }

    /** A whole interchange from {@code sender} to the supplier holding the given ORDERS messages. */
    public static String interchange(String sender, String ref, String[]... messages) {
        StringBuilder s = new StringBuilder("UNA:+.? 'UNB+UNOC:3+" + sender + ":14+" + SUPPLIER + ":14+261126:1200+" + ref + "'");
        int n = 0;
        for (String[] body : messages) {
            n++;
            s.append("UNH+").append(n).append("+ORDERS:D:96A:UN:EAN008'");
            for (String seg : body) {
                s.append(seg).append('\'');
            }
            s.append("UNT+").append(body.length + 2).append('+').append(n).append('\'');
        }
        s.append("UNZ+").append(n).append('+').append(ref).append('\'');
        return s.toString();
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
