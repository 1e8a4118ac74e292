package io.aval.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's corpus, built in memory: ORDERS, DESADV and INVOIC messages shaped like the gateway's samples
 * (EANCOM D96A, UNA, release characters in free text), a fixed number of messages per interchange.
 */
final class BenchCorpus {
    final List<byte[]> interchanges = new ArrayList<>();
    int messages;
    long bytes;

    static BenchCorpus build(int orders, int desadv, int invoic, int perInterchange, long seed) {
        BenchCorpus c = new BenchCorpus();
        Random r = new Random(seed);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            all.add(orders(r, i));
        }
        for (int i = 0; i < desadv; i++) {
            all.add(desadv(r, i));
        }
        for (int i = 0; i < invoic; i++) {
            all.add(invoic(r, i));
        }
        java.util.Collections.shuffle(all, r);
        int n = 0;
        for (int from = 0; from < all.size(); from += perInterchange) {
            List<String> part = all.subList(from, Math.min(all.size(), from + perInterchange));
            StringBuilder b = new StringBuilder("UNA:+.? 'UNB+UNOC:3+5412345000013:14+4012345000009:14+261126:1200+BENCH" + (n++) + "'");
            int ref = 1;
            for (String m : part) {
                b.append("UNH+").append(ref).append('+').append(m.substring(0, 6)).append(":D:96A:UN:EAN008'");
                b.append(m.substring(6));
                b.append("UNT+").append(count(m) + 2).append('+').append(ref++).append('\'');
            }
            b.append("UNZ+").append(part.size()).append("+BENCH").append(n - 1).append('\'');
            byte[] bytes = b.toString().getBytes(StandardCharsets.ISO_8859_1);
            c.interchanges.add(bytes);
            c.bytes += bytes.length;
            c.messages += part.size();
        }
        return c;
    }

    private static int count(String m) {
        int n = 0;
        for (int i = 0; i < m.length(); i++) {
            if (m.charAt(i) == '\'' && m.charAt(i - 1) != '?') {
                n++;
            }
        }
        return n;
    }

    private static String orders(Random r, int i) {
        StringBuilder b = new StringBuilder("ORDERS");
        b.append("BGM+220+PO-2026-").append(10000 + i).append("+9'");
        b.append("DTM+137:202611").append(10 + r.nextInt(18)).append(":102'");
        b.append("DTM+2:202612").append(10 + r.nextInt(18)).append(":102'");
        if (r.nextBoolean()) {
            b.append("FTX+AAI+++Livraison quai ").append(r.nextInt(9)).append("?: RDV obligatoire?, merci?'").append("'");
        }
        b.append("RFF+CT:CONTRAT-2025-").append(r.nextInt(999)).append("'");
        b.append("NAD+BY+5412345").append(100000 + r.nextInt(800000)).append("::9++Acme Distribution'");
        b.append("CTA+OC+:Marie Dupont'COM+marie.dupont@acme.example:EM'");
        b.append("NAD+SU+4012345000009::9++Fournisseur Industriel SA'");
        b.append("NAD+DP+5412345000099::9++Acme Entrepot+12 rue des Docks+Lyon++69007+FR'");
        b.append("CUX+2:EUR:9'");
        int lines = 1 + r.nextInt(6);
        for (int l = 1; l <= lines; l++) {
            b.append("LIN+").append(l).append("++40008621").append(10000 + r.nextInt(89999)).append(":EN'");
            b.append("PIA+1+ABC-").append(r.nextInt(999)).append(":SA'");
            b.append("IMD+F++:::Joint torique ").append(10 + r.nextInt(90)).append("mm'");
            b.append("QTY+21:").append(1 + r.nextInt(500)).append("'");
            b.append("PRI+AAA:").append(r.nextInt(20)).append('.').append(10 + r.nextInt(89)).append("'");
        }
        b.append("UNS+S'CNT+2:").append(lines).append("'");
        return b.toString();
    }

    private static String desadv(Random r, int i) {
        StringBuilder b = new StringBuilder("DESADV");
        b.append("BGM+351+DES-").append(500000 + i).append("+9'");
        b.append("DTM+137:20261128:102'DTM+11:20261128:102'");
        b.append("RFF+ON:PO-2026-").append(10000 + r.nextInt(2000)).append("'");
        b.append("NAD+BY+5412345000013::9'NAD+SU+4012345000009::9'NAD+DP+5412345000099::9'");
        b.append("CPS+1'PAC+2++201'");
        int lines = 1 + r.nextInt(4);
        for (int l = 1; l <= lines; l++) {
            b.append("CPS+").append(l + 1).append("+1'");
            b.append("LIN+").append(l).append("++40008621").append(10000 + r.nextInt(89999)).append(":EN'");
            b.append("QTY+12:").append(1 + r.nextInt(500)).append("'");
        }
        b.append("CNT+2:").append(lines).append("'");
        return b.toString();
    }

    private static String invoic(Random r, int i) {
        StringBuilder b = new StringBuilder("INVOIC");
        b.append("BGM+").append(r.nextInt(8) == 0 ? "381" : "380").append("+FA-2026-").append(10000 + i).append("+9'");
        b.append("DTM+137:20261130:102'");
        b.append("RFF+ON:PO-2026-").append(10000 + r.nextInt(2000)).append("'");
        b.append("NAD+BY+5412345000013::9'NAD+SU+4012345000009::9++Fournisseur Industriel SA'RFF+VA:FR12345678901'");
        b.append("CUX+2:EUR:4'PAT+1++5:3:D:30'");
        int lines = 1 + r.nextInt(5);
        for (int l = 1; l <= lines; l++) {
            b.append("LIN+").append(l).append("++40008621").append(10000 + r.nextInt(89999)).append(":EN'");
            b.append("QTY+47:").append(1 + r.nextInt(500)).append("'");
            b.append("MOA+203:").append(r.nextInt(900)).append(".00'");
            b.append("PRI+AAA:").append(r.nextInt(20)).append(".50'");
        }
        b.append("UNS+S'MOA+77:900.00'MOA+79:750.00'MOA+124:150.00'TAX+7+VAT+++:::20+S'MOA+124:150.00'");
        return b.toString();
    }
}
