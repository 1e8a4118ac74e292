package io.aval.signal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Writes two years of realistic EDIFACT traffic for many accounts — ORDERS from the customers, DESADV,
 * INVOIC and credit notes from the supplier (GLN 4012345000009) — with planted behaviours and a ground
 * truth of the signals they should raise. Behaviours are planted in the second year (the first is the
 * history the detectors learn from). Some accounts carry hard negatives: behaviours that look like a
 * signal but are normal for that account (a seasonal dip that matches last year, a holiday gap it takes
 * every year, big orders it always places, a delivery site that comes back after a pause).
 */
public final class HistoryGenerator {

    /** What an account does besides ordering steadily. */
    enum Behaviour {
        CONTROL, VOLUME_DECLINE, ORDER_SILENCE, PRODUCT_DROPPED, NEW_DELIVERY_SITE, NEW_EXPORT_DESTINATION,
        LARGE_ORDER, NEW_PRODUCT, URGENCY_PATTERN, DISPUTE, PRICE_MISMATCH, COMPETITOR_MENTION,
        DELIVERY_SHORTFALL, CONTACT_CHANGE,
        SEASONAL_DIP_NEGATIVE, HOLIDAY_GAP_NEGATIVE, USUAL_BIG_ORDERS_NEGATIVE, RETURNING_SITE_NEGATIVE
    }

    /** One expected signal: the account, the type, when it may fire, and optionally a key its evidence must show. */
    record Expected(String account, SignalType type, LocalDate from, LocalDate to, String key, String note) {
    }

    /** One interchange of the generated archive. */
    record Interchange(String reference, String sender, String receiver, List<EdifactMessage> messages) {
        String text() {
            return EdifactMessage.interchange(sender, receiver, reference, messages);
        }
    }

    record History(LocalDate start, LocalDate end, List<Interchange> interchanges, List<Expected> truth,
                   List<String> accounts, List<String> negatives) {
        int messageCount() {
            return interchanges.stream().mapToInt(i -> i.messages().size()).sum();
        }
    }

    private record Product(String gtin, String name, BigDecimal price) {
    }

    private static final List<Product> CATALOGUE = List.of(
            new Product("4000862141404", "Joint torique 40mm", new BigDecimal("1.25")),
            new Product("4000862141411", "Bride inox DN50", new BigDecimal("7.10")),
            new Product("4000862141428", "Vanne 1/4 tour DN25", new BigDecimal("42.00")),
            new Product("4000862141435", "Raccord laiton 3/4", new BigDecimal("3.40")),
            new Product("4000862141442", "Collier serrage 60mm", new BigDecimal("0.85")),
            new Product("4000862141459", "Joint plat EPDM DN80", new BigDecimal("2.15")),
            new Product("4000862141466", "Clapet anti-retour DN40", new BigDecimal("28.50")),
            new Product("4000862141473", "Manchon PVC 50", new BigDecimal("1.95")),
            new Product("4000862141480", "Vis inox M8x40 (boite 100)", new BigDecimal("9.90")),
            new Product("4000862141497", "Tube inox 2m DN20", new BigDecimal("31.00")),
            new Product("4000862141503", "Manometre 0-10 bar", new BigDecimal("18.40")),
            new Product("4000862141510", "Filtre a tamis DN32", new BigDecimal("55.00")));

    private static final String[][] CITIES = {
            {"Lyon", "69007", "FR"}, {"Lille", "59000", "FR"}, {"Nantes", "44000", "FR"}, {"Toulouse", "31000", "FR"},
            {"Bruxelles", "1000", "BE"}, {"Strasbourg", "67000", "FR"}, {"Rennes", "35000", "FR"}, {"Bordeaux", "33000", "FR"}};
    private static final String[] FIRST = {"Marie", "Paul", "Sophie", "Luc", "Claire", "Marc", "Julie", "Hugo", "Lea", "Nicolas"};
    private static final String[] LAST = {"Dupont", "Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau", "Simon"};

    private final long seed;
    private final int accounts;
    private final LocalDate start;
    private final LocalDate end;
    private final LocalDate yearTwo;
    private boolean daily;

    public HistoryGenerator(long seed, int accounts, LocalDate start) {
        this.seed = seed;
        this.accounts = accounts;
        this.start = start;
        this.end = start.plusYears(2).minusDays(1);
        this.yearTwo = start.plusYears(1);
    }

    /** The behaviour planted on account {@code i}: every behaviour in turn, so 50 accounts cover each at least twice. */
    static Behaviour behaviourOf(int i) {
        Behaviour[] all = Behaviour.values();
        return all[i % all.length];
    }

    static String gln(int i) {
        return String.format("54100%08d", i + 1);
    }

    /**
     * One interchange per account, direction and business day, as real transmissions come (for the
     * import through the whole pipeline). The default, one per half-year, keeps the reader-only
     * evaluation fast.
     */
    public HistoryGenerator daily() {
        this.daily = true;
        return this;
    }

    public History generate() {
        List<Interchange> interchanges = new ArrayList<>();
        List<Expected> truth = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> negatives = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            Random rnd = new Random(seed * 1000 + i);
            AccountPlan plan = new AccountPlan(i, behaviourOf(i), rnd);
            ids.add(plan.gln);
            plan.write(interchanges, truth, negatives);
        }
        return new History(start, end, interchanges, truth, ids, negatives);
    }

    /** Writes the interchanges as {@code .edi} files and the ground truth as {@code ground-truth.csv}. */
    public static void writeTo(History h, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Interchange x : h.interchanges()) {
            Files.writeString(dir.resolve(x.reference() + ".edi"), x.text(), StandardCharsets.ISO_8859_1);
        }
        List<String> rows = new ArrayList<>();
        rows.add("account,type,from,to,key,note");
        for (Expected e : h.truth()) {
            rows.add(String.join(",", e.account(), e.type().name(), e.from().toString(), e.to().toString(),
                    e.key() == null ? "" : e.key(), e.note().replace(',', ';')));
        }
        for (String n : h.negatives()) {
            rows.add("# hard negative: " + n);
        }
        Files.write(dir.resolve("ground-truth.csv"), rows, StandardCharsets.UTF_8);
    }

    /** One account's profile and the traffic it produces. */
    private final class AccountPlan {
        final int index;
        final Behaviour behaviour;
        final Random rnd;
        final String gln;
        final String name;
        final int gapDays;
        final int leadDays;
        final List<Product> regular = new ArrayList<>();
        final List<Long> baseQty = new ArrayList<>();
        final List<Product> occasional = new ArrayList<>();
        String contact;
        String siteGln;
        String[] city;
        int orderSeq;
        int desSeq;
        int invSeq;
        int avSeq;

        AccountPlan(int index, Behaviour behaviour, Random rnd) {
            this.index = index;
            this.behaviour = behaviour;
            this.rnd = rnd;
            this.gln = gln(index);
            this.name = "Client " + (index + 1);
            this.gapDays = switch (behaviour) {
                case HOLIDAY_GAP_NEGATIVE -> 14;
                case VOLUME_DECLINE, SEASONAL_DIP_NEGATIVE, URGENCY_PATTERN, PRODUCT_DROPPED -> 7;
                default -> new int[] {7, 7, 10, 14, 14, 21}[rnd.nextInt(6)];
            };
            this.leadDays = 4 + rnd.nextInt(6);
            List<Product> pool = new ArrayList<>(CATALOGUE.subList(0, 10));
            java.util.Collections.shuffle(pool, rnd);
            int n = 2 + rnd.nextInt(3);
            for (int k = 0; k < n; k++) {
                regular.add(pool.get(k));
                baseQty.add((long) (k == n - 1 ? 10 + rnd.nextInt(20) : 50 + rnd.nextInt(400)));
            }
            occasional.add(pool.get(n));
            this.contact = FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
            this.siteGln = String.format("54120%08d", index * 10 + 1);
            this.city = CITIES[rnd.nextInt(CITIES.length)];
        }

        void write(List<Interchange> out, List<Expected> truth, List<String> negatives) {
            List<EdifactMessage> inbound = new ArrayList<>();
            List<EdifactMessage> outbound = new ArrayList<>();
            LocalDate d = start.plusDays(rnd.nextInt(gapDays));
            LocalDate changeAt = yearTwo.plusMonths(2 + rnd.nextInt(5)).withDayOfMonth(1);
            LocalDate silenceFrom = yearTwo.plusMonths(5 + rnd.nextInt(3));
            int largeAt = -1;
            int disputes = 0;
            int mismatches = 0;
            int shortfalls = 0;
            boolean competitorDone = false;
            boolean newSiteSeen = false;
            long plannedLarge = 0;
            Product dropped = regular.get(regular.size() - 1);
            Product added = CATALOGUE.get(10 + rnd.nextInt(2));
            switch (behaviour) {
                case SEASONAL_DIP_NEGATIVE -> negatives.add(gln + " seasonal July-August dip in both years: no VOLUME_DECLINE in year two");
                case HOLIDAY_GAP_NEGATIVE -> negatives.add(gln + " three-week August shutdown every year: no ORDER_SILENCE in year two");
                case USUAL_BIG_ORDERS_NEGATIVE -> negatives.add(gln + " every sixth order is 4x (stock build-up): no LARGE_ORDER");
                case RETURNING_SITE_NEGATIVE -> negatives.add(gln + " second site used in months 3-6, silent a year, back in year two: no NEW_DELIVERY_SITE");
                default -> { }
            }
            while (!d.isAfter(end)) {
                boolean y2 = !d.isBefore(yearTwo);
                if (behaviour == Behaviour.ORDER_SILENCE && !d.isBefore(silenceFrom)) {
                    break;
                }
                if (behaviour == Behaviour.HOLIDAY_GAP_NEGATIVE && d.getMonth() == Month.AUGUST && d.getDayOfMonth() <= 21) {
                    d = d.withDayOfMonth(22);
                }
                orderSeq++;
                String orderNo = "PO-" + gln.substring(9) + "-" + orderSeq;
                int lead = leadDays;
                if (behaviour == Behaviour.URGENCY_PATTERN && !d.isBefore(changeAt) && rnd.nextDouble() < 0.85) {
                    lead = 1;
                }
                String who = contact;
                if (behaviour == Behaviour.CONTACT_CHANGE && !d.isBefore(changeAt)) {
                    who = "Nouveau " + LAST[(index + 3) % LAST.length];
                }
                EdifactMessage order = EdifactMessage.orders(orderNo, d).requested(d.plusDays(lead))
                        .buyer(gln, who, who.toLowerCase().replace(' ', '.') + "@client" + (index + 1) + ".example");
                // delivery site
                String sGln = siteGln;
                String sName = name + " " + city[0];
                String[] sCity = city;
                if (behaviour == Behaviour.NEW_DELIVERY_SITE && !d.isBefore(changeAt) && rnd.nextDouble() < 0.4) {
                    sGln = String.format("54120%08d", index * 10 + 2);
                    sName = name + " Nouvelle usine";
                    sCity = "BE".equals(city[2]) ? new String[] {"Liege", "4000", "BE"} : new String[] {"Grenoble", "38000", "FR"};
                    if (!newSiteSeen) {
                        truth.add(new Expected(gln, SignalType.NEW_DELIVERY_SITE, d, d, sGln, "new plant"));
                        newSiteSeen = true;
                    }
                }
                if (behaviour == Behaviour.NEW_EXPORT_DESTINATION && !d.isBefore(changeAt) && rnd.nextDouble() < 0.4) {
                    sGln = String.format("54120%08d", index * 10 + 3);
                    sName = name + " Italia";
                    sCity = new String[] {"Milano", "20121", "IT"};
                    if (!newSiteSeen) {
                        truth.add(new Expected(gln, SignalType.NEW_EXPORT_DESTINATION, d, d, "IT", "first delivery to Italy"));
                        truth.add(new Expected(gln, SignalType.NEW_DELIVERY_SITE, d, d, sGln, "the Italian site"));
                        newSiteSeen = true;
                    }
                }
                if (behaviour == Behaviour.RETURNING_SITE_NEGATIVE) {
                    long month = ChronoUnit.MONTHS.between(start, d);
                    if ((month >= 3 && month < 6 || month >= 18) && rnd.nextDouble() < 0.5) {
                        sGln = String.format("54120%08d", index * 10 + 4);
                        sName = name + " Depot Nord";
                        sCity = "BE".equals(city[2]) ? new String[] {"Gent", "9000", "BE"} : new String[] {"Lille", "59000", "FR"};
                    }
                }
                order.deliverTo(sGln, sName, (3 + index) + " rue de l'Industrie", sCity[0], sCity[1], sCity[2]);
                if (behaviour == Behaviour.COMPETITOR_MENTION && y2 && !competitorDone && d.isAfter(changeAt)) {
                    order.text("Merci de livrer vite: sinon nous prendrons chez CONCURRENT INÖX comme la derniere fois");
                    truth.add(new Expected(gln, SignalType.COMPETITOR_MENTION, d, d, orderNo, "competitor on order"));
                    competitorDone = true;
                } else if (rnd.nextDouble() < 0.15) {
                    order.text("Livraison quai " + (1 + rnd.nextInt(6)) + ", prise de RDV obligatoire; prix concurrentiel attendu");
                }
                // lines
                double factor = Math.exp(rnd.nextGaussian() * 0.12);
                if (behaviour == Behaviour.VOLUME_DECLINE && !d.isBefore(changeAt)) {
                    factor *= 0.5;
                }
                if (behaviour == Behaviour.SEASONAL_DIP_NEGATIVE && (d.getMonth() == Month.JULY || d.getMonth() == Month.AUGUST)) {
                    factor *= 0.4;
                }
                boolean large = false;
                if (behaviour == Behaviour.LARGE_ORDER && !d.isBefore(changeAt) && largeAt < 0) {
                    largeAt = orderSeq;
                    large = true;
                    factor *= 8;
                    truth.add(new Expected(gln, SignalType.LARGE_ORDER, d, d, orderNo, "market won"));
                }
                if (behaviour == Behaviour.USUAL_BIG_ORDERS_NEGATIVE && orderSeq % 6 == 1) {
                    factor *= 4;
                }
                boolean discounted = behaviour == Behaviour.PRICE_MISMATCH && y2 && mismatches < 2 && rnd.nextDouble() < 0.2;
                List<long[]> qtys = new ArrayList<>();
                List<Product> products = new ArrayList<>();
                List<BigDecimal> prices = new ArrayList<>();
                for (int k = 0; k < regular.size(); k++) {
                    Product p = regular.get(k);
                    if (behaviour == Behaviour.PRODUCT_DROPPED && p == dropped && !d.isBefore(changeAt)) {
                        continue;
                    }
                    if (orderSeq > 1 && rnd.nextDouble() > 0.96) {
                        continue;
                    }
                    long q = Math.max(1, Math.round(baseQty.get(k) * factor * Math.exp(rnd.nextGaussian() * 0.08)));
                    products.add(p);
                    qtys.add(new long[] {q});
                    prices.add(discounted && k == 0 ? p.price().multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_UP) : p.price());
                }
                if (orderSeq == 1 || rnd.nextDouble() < 0.2) {
                    Product p = occasional.get(0);
                    products.add(p);
                    qtys.add(new long[] {1 + rnd.nextInt(5) * (large ? 8 : 1)});
                    prices.add(p.price());
                }
                if (behaviour == Behaviour.NEW_PRODUCT && !d.isBefore(changeAt)) {
                    if (!truth.stream().anyMatch(t -> t.account().equals(gln) && t.type() == SignalType.NEW_PRODUCT)) {
                        truth.add(new Expected(gln, SignalType.NEW_PRODUCT, d, d, added.gtin(), "cross-sell"));
                    }
                    products.add(added);
                    qtys.add(new long[] {2 + rnd.nextInt(6)});
                    prices.add(added.price());
                }
                if (products.isEmpty()) {
                    Product p = regular.get(0);
                    products.add(p);
                    qtys.add(new long[] {baseQty.get(0)});
                    prices.add(p.price());
                }
                for (int k = 0; k < products.size(); k++) {
                    order.line(products.get(k).gtin(), products.get(k).name(), BigDecimal.valueOf(qtys.get(k)[0]), prices.get(k));
                }
                inbound.add(order);

                // despatch
                LocalDate shipDate = d.plusDays(Math.max(0, lead - 2));
                LocalDate arrival = d.plusDays(lead);
                boolean shortfall = behaviour == Behaviour.DELIVERY_SHORTFALL && y2 && shortfalls < 3 && rnd.nextDouble() < 0.15;
                boolean late = shortfall && shortfalls % 2 == 1;
                if (late) {
                    arrival = arrival.plusDays(4);
                }
                desSeq++;
                String desNo = "DES-" + gln.substring(9) + "-" + desSeq;
                EdifactMessage des = EdifactMessage.desadv(desNo, shipDate).dtm("11", shipDate).dtm("132", arrival)
                        .ref("ON", orderNo).buyer(gln, null, null)
                        .deliverTo(sGln, sName, (3 + index) + " rue de l'Industrie", sCity[0], sCity[1], sCity[2]);
                for (int k = 0; k < products.size(); k++) {
                    long q = qtys.get(k)[0];
                    if (shortfall && !late && k == 0) {
                        q = Math.max(0, Math.round(q * 0.7));
                    }
                    des.line(products.get(k).gtin(), null, BigDecimal.valueOf(q), null);
                }
                if (shortfall) {
                    truth.add(new Expected(gln, SignalType.DELIVERY_SHORTFALL, shipDate, shipDate, orderNo,
                            late ? "late by 4 days" : "30% short on first line"));
                    shortfalls++;
                }
                outbound.add(des);

                // invoice
                LocalDate invDate = shipDate.plusDays(1 + rnd.nextInt(3));
                invSeq++;
                String invNo = "FA-" + gln.substring(9) + "-" + invSeq;
                EdifactMessage inv = EdifactMessage.invoice(invNo, invDate).ref("ON", orderNo).ref("DQ", desNo).buyer(gln, null, null);
                BigDecimal total = BigDecimal.ZERO;
                for (int k = 0; k < products.size(); k++) {
                    BigDecimal price = discounted && k == 0 ? products.get(k).price() : prices.get(k);
                    BigDecimal q = BigDecimal.valueOf(qtys.get(k)[0]);
                    inv.line(products.get(k).gtin(), null, q, price);
                    total = total.add(q.multiply(price));
                }
                inv.total("79", total);
                if (discounted) {
                    truth.add(new Expected(gln, SignalType.PRICE_MISMATCH, invDate, invDate, invNo, "discount not applied"));
                    mismatches++;
                }
                outbound.add(inv);

                if (behaviour == Behaviour.DISPUTE && y2 && disputes < 3 && rnd.nextDouble() < 0.25) {
                    avSeq++;
                    String avNo = "AV-" + gln.substring(9) + "-" + avSeq;
                    LocalDate avDate = invDate.plusDays(5 + rnd.nextInt(10));
                    BigDecimal q = BigDecimal.valueOf(Math.max(1, qtys.get(0)[0] / 10));
                    EdifactMessage av = EdifactMessage.creditNote(avNo, avDate).ref("IV", invNo).buyer(gln, null, null)
                            .line(products.get(0).gtin(), null, q, prices.get(0))
                            .total("77", q.multiply(prices.get(0)))
                            .text(new String[] {"Pieces abimees au transport", "Erreur de reference", "Retour non conforme"}[disputes]);
                    outbound.add(av);
                    truth.add(new Expected(gln, SignalType.DISPUTE, avDate, avDate, avNo, "credit note"));
                    disputes++;
                }
                int jitter = Math.max(1, gapDays / 4);
                d = d.plusDays(gapDays - jitter + rnd.nextInt(2 * jitter + 1));
            }
            if (behaviour == Behaviour.VOLUME_DECLINE) {
                truth.add(new Expected(gln, SignalType.VOLUME_DECLINE, changeAt.plusMonths(1), changeAt.plusMonths(5), null,
                        "quantities halved from " + changeAt));
            }
            if (behaviour == Behaviour.ORDER_SILENCE) {
                LocalDate last = inbound.get(inbound.size() - 1).date;
                truth.add(new Expected(gln, SignalType.ORDER_SILENCE, last.plusDays(1), last.plusDays(Math.max(31, 3L * gapDays) + 10),
                        null, "stopped ordering after " + last));
            }
            if (behaviour == Behaviour.PRODUCT_DROPPED) {
                truth.add(new Expected(gln, SignalType.PRODUCT_DROPPED, changeAt, changeAt.plusMonths(3), dropped.gtin(),
                        "stopped ordering " + dropped.name()));
            }
            if (behaviour == Behaviour.URGENCY_PATTERN) {
                truth.add(new Expected(gln, SignalType.URGENCY_PATTERN, changeAt, changeAt.plusMonths(2), null, "rush orders"));
            }
            if (behaviour == Behaviour.CONTACT_CHANGE) {
                truth.add(new Expected(gln, SignalType.CONTACT_CHANGE, changeAt, changeAt.plusMonths(1), null, "new buyer"));
            }
            split(out, gln, EdifactMessage.SUPPLIER, "C", inbound);
            split(out, EdifactMessage.SUPPLIER, gln, "S", outbound);
        }

        /** One interchange per half-year (or per day, see {@link #daily()}) and direction. */
        private void split(List<Interchange> out, String sender, String receiver, String tag, List<EdifactMessage> messages) {
            messages.sort(Comparator.comparing((EdifactMessage m) -> m.date));
            List<EdifactMessage> batch = new ArrayList<>();
            LocalDate limit = daily ? start.plusDays(1) : start.plusMonths(6);
            int n = 0;
            for (EdifactMessage m : messages) {
                while (!m.date.isBefore(limit)) {
                    if (!batch.isEmpty()) {
                        out.add(new Interchange(tag + gln.substring(5) + "-" + (++n), sender, receiver, batch));
                        batch = new ArrayList<>();
                    }
                    limit = daily ? limit.plusDays(1) : limit.plusMonths(6);
                }
                batch.add(m);
            }
            if (!batch.isEmpty()) {
                out.add(new Interchange(tag + gln.substring(5) + "-" + (++n), sender, receiver, batch));
            }
        }
    }
}
