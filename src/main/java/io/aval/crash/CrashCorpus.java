package io.aval.crash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The crash test's inputs: ORDERS interchanges from partner acme to the supplier, each with a
 * unique control reference and several messages, each message a unique order number
 * ({@code CR<seed>-<interchange>-<message>}) by which its ERP file is recognised. Some are wrong
 * on purpose and must end in quarantine: a message whose UNT count is off, or a whole
 * interchange from a sender in no partner profile.
 */
public final class CrashCorpus {

    static final String ACME = "5412345000013";
    static final String UNKNOWN_SENDER = "5499999999990";
    static final String SUPPLIER = "4012345000009";

    /** How an input reaches the gateway. */
    public enum Transport { FILE, HTTP }

    /** One order (one message): its number and whether the gateway must quarantine it. */
    public record Order(String number, boolean mustQuarantine) {
    }

    /** One interchange as handed in. */
    public record Input(String controlRef, String fileName, byte[] bytes, List<Order> orders, Transport transport) {
    }

    private CrashCorpus() {
    }

    /** {@code n} interchanges of 2–4 messages; about every 4th (known sender) goes over HTTP, 1 in 10 has a bad message, 1 in 20 an unknown sender. */
    public static List<Input> generate(int n, long seed, boolean http) {
        Random r = new Random(seed);
        String run = Long.toString(Math.abs(seed) % 100_000, 36).toUpperCase();
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ref = "CR" + run + "X" + i;
            boolean unknownSender = i % 20 == 13;
            int badMessage = i % 10 == 3 ? 1 : -1;
            int count = 2 + r.nextInt(3);
            StringBuilder b = new StringBuilder("UNA:+.? 'UNB+UNOC:3+").append(unknownSender ? UNKNOWN_SENDER : ACME)
                    .append(":14+").append(SUPPLIER).append(":14+261126:1200+").append(ref).append('\'');
            List<Order> orders = new ArrayList<>();
            for (int m = 0; m < count; m++) {
                String number = "CR" + run + "-" + i + "-" + m;
                List<String> segments = orderSegments(r, number);
                int unt = segments.size() + 2 + (m == badMessage ? 5 : 0);
                b.append("UNH+").append(m + 1).append("+ORDERS:D:96A:UN:EAN008'");
                segments.forEach(s -> b.append(s).append('\''));
                b.append("UNT+").append(unt).append('+').append(m + 1).append('\'');
                orders.add(new Order(number, unknownSender || m == badMessage));
            }
            b.append("UNZ+").append(count).append('+').append(ref).append('\'');
            // over HTTP the endpoint refuses a sender that is not the logged-in partner (403): such files come by the drop
            Transport transport = http && r.nextInt(4) == 0 && !unknownSender ? Transport.HTTP : Transport.FILE;
            inputs.add(new Input(ref, ref.toLowerCase() + ".edi", b.toString().getBytes(StandardCharsets.ISO_8859_1),
                    List.copyOf(orders), transport));
        }
        Collections.shuffle(inputs, r);
        return List.copyOf(inputs);
    }

    private static List<String> orderSegments(Random r, String number) {
        List<String> s = new ArrayList<>();
        s.add("BGM+220+" + number + "+9");
        s.add("DTM+137:202611" + (10 + r.nextInt(18)) + ":102");
        s.add("DTM+2:202612" + (10 + r.nextInt(18)) + ":102");
        s.add("NAD+BY+" + ACME + "::9++Acme Distribution");
        s.add("NAD+SU+" + SUPPLIER + "::9++Fournisseur Industriel SA");
        s.add("NAD+DP+5412345000099::9++Acme Entrepot+12 rue des Docks+Lyon++69007+FR");
        s.add("CUX+2:EUR:9");
        int lines = 1 + r.nextInt(4);
        for (int l = 1; l <= lines; l++) {
            s.add("LIN+" + l + "++40008621" + (10000 + r.nextInt(89999)) + ":EN");
            s.add("QTY+21:" + (1 + r.nextInt(500)));
            s.add("PRI+AAA:" + r.nextInt(20) + "." + (10 + r.nextInt(89)));
        }
        s.add("UNS+S");
        s.add("CNT+2:" + lines);
        return s;
    }
}
