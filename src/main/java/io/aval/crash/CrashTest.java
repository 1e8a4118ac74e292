package io.aval.crash;

import io.aval.config.AvalConfig;
import io.aval.crash.internal.ErpTaker;
import io.aval.crash.internal.GatewayProcess;
import io.aval.journal.Database;
import io.aval.journal.InterchangeStatus;
import io.aval.journal.Journal;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.transport.PasswordHash;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The exactly-once check: feeds interchanges to a real gateway in a child JVM through the file
 * drop and the partner REST endpoint while killing it with SIGKILL at seeded random moments and
 * restarting it; then lets it finish, stops it and counts, from the inputs, the files the
 * (simulated) ERP took and the journal's quarantine, whether every accepted order was delivered
 * exactly once or quarantined. Used by {@code ./aval crash-test} and by {@code CrashTestIT}.
 */
public final class CrashTest {

    /** What to run. {@code home} holds {@code routes/} and {@code mappings/}; {@code work} is emptied first. */
    public record Settings(Path config, Path routes, Path mappings, Path work, int interchanges, int kills, long seed,
                           boolean http, Duration settleTimeout, Map<String, String> properties) {

        public Settings(Path config, Path routes, Path mappings, Path work, int interchanges, int kills, long seed,
                        boolean http, Duration settleTimeout) {
            this(config, routes, mappings, work, interchanges, kills, seed, http, settleTimeout, Map.of());
        }
    }

    private static final String PARTNER = "acme";
    private static final String MARKER = ".aval-crash-test";
    /** How long nothing may happen before the settling gateway is stopped to look at its journal. */
    private static final Duration QUIET = Duration.ofSeconds(30);
    private static final Pattern ORDER = Pattern.compile("^CR[0-9A-Z]+-\\d+-\\d+$");

    private final Settings s;
    private final PrintStream log;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String password = Long.toHexString(new java.security.SecureRandom().nextLong());
    private final AtomicInteger httpRetries = new AtomicInteger();
    private int httpPort;

    public CrashTest(Settings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
        this.random = new Random(settings.seed());
    }

    public CrashReport run() throws Exception {
        long started = System.nanoTime();
        Path data = s.work().resolve("data");
        deleteTree(s.work());
        Files.createDirectories(data.resolve("inbound"));
        Files.createDirectories(data.resolve("outbound/erp"));
        List<CrashCorpus.Input> inputs = CrashCorpus.generate(s.interchanges(), s.seed(), s.http());
        httpPort = freePort();
        Map<String, String> props = childProperties(s.routes(), s.mappings(), httpPort, s.properties());
        GatewayProcess gateway = new GatewayProcess(s.config(), data, props,
                Map.of("AVAL_PARTNER_ACME_PASSWORD_HASH", PasswordHash.create(password.toCharArray(), 1_000)), s.work());

        // inputs are spread over the gateway's lives: one share per life, the last life gets the rest
        List<List<CrashCorpus.Input>> shares = new ArrayList<>();
        int lives = s.kills() + 1;
        for (int l = 0; l < lives; l++) {
            shares.add(inputs.subList(inputs.size() * l / lives, inputs.size() * (l + 1) / lives));
        }
        ConcurrentLinkedQueue<CrashCorpus.Input> unsentHttp = new ConcurrentLinkedQueue<>();
        List<Integer> exitCodes = new ArrayList<>();
        int starts = 0;
        try (ErpTaker erp = new ErpTaker(data.resolve("outbound/erp"), s.work().resolve("erp-taken"))) {
            for (int life = 0; life < lives; life++) {
                Duration ready = gateway.start(Duration.ofMinutes(3));
                starts++;
                List<CrashCorpus.Input> share = new ArrayList<>(shares.get(life));
                CrashCorpus.Input retry;
                while ((retry = unsentHttp.poll()) != null) {
                    httpRetries.incrementAndGet();
                    share.add(retry);
                }
                Feeder feeder = new Feeder(share, data.resolve("inbound"), unsentHttp);
                feeder.start();
                if (life < s.kills()) {
                    String moment = killMoment(erp);
                    int code = gateway.kill();
                    exitCodes.add(code);
                    feeder.finish();
                    log.printf("life %d: ready in %.1f s, %d inputs, killed %s (exit %d), ERP has taken %d files%n",
                            life + 1, ready.toMillis() / 1000.0, share.size(), moment, code, erp.count());
                } else {
                    feeder.finish();
                    log.printf("life %d: ready in %.1f s, %d inputs, left to finish%n", life + 1, ready.toMillis() / 1000.0, share.size());
                }
            }
            starts += settle(gateway, data, erp, unsentHttp, inputs);
            erp.takeAll();
            return count(inputs, data, erp, exitCodes, starts, (System.nanoTime() - started) / 1e9);
        } finally {
            if (gateway.alive()) {
                gateway.kill();
            }
        }
    }

    /**
     * Waits for the next kill. Half of the kills (seeded) come 0.3–3.8 s after the gateway is ready,
     * while it receives and checks; the others once the ERP has taken 1–8 more files, plus up to
     * 0.4 s, so that deliveries are under way when the process dies. Returns how it was chosen.
     */
    private String killMoment(ErpTaker erp) throws InterruptedException {
        if (random.nextBoolean()) {
            long delay = 300 + random.nextInt(3_500);
            Thread.sleep(delay);
            return delay + " ms after ready";
        }
        int target = erp.count() + 1 + random.nextInt(8);
        long extra = random.nextInt(400);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (erp.count() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(extra);
        return "while delivering (" + extra + " ms after the ERP's file " + target + ")";
    }

    /**
     * Drops one life's files (written hidden, then renamed: the drop never sees half a file) and
     * POSTs its HTTP ones, beside the kill; a POST the kill interrupted waits for the next life.
     */
    private final class Feeder extends Thread {
        private final List<CrashCorpus.Input> share;
        private final Path inbound;
        private final ConcurrentLinkedQueue<CrashCorpus.Input> unsentHttp;
        private volatile Exception failure;

        Feeder(List<CrashCorpus.Input> share, Path inbound, ConcurrentLinkedQueue<CrashCorpus.Input> unsentHttp) {
            super("crash-test-feeder");
            this.share = share;
            this.inbound = inbound;
            this.unsentHttp = unsentHttp;
        }

        @Override
        public void run() {
            try {
                for (CrashCorpus.Input in : share) {
                    if (in.transport() == CrashCorpus.Transport.FILE) {
                        Path temp = inbound.resolve("." + in.fileName());
                        Files.write(temp, in.bytes());
                        Files.move(temp, inbound.resolve(in.fileName()), StandardCopyOption.ATOMIC_MOVE);
                    } else if (!post(in)) {
                        unsentHttp.add(in);
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        /** Waits for the feeder; what made it stop is the test's failure too. */
        void finish() throws Exception {
            join();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** True once the gateway answered 202: from then on the interchange is the gateway's. */
    private boolean post(CrashCorpus.Input in) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/partners/interchanges"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (PARTNER + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Aval-File-Name", in.fileName())
                .POST(HttpRequest.BodyPublishers.ofByteArray(in.bytes()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("POST " + in.controlRef() + " answered " + response.statusCode() + ": " + response.body());
            }
            return true;
        } catch (IOException e) {
            return false; // killed while we asked: not accepted, send it again after the restart
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * After the last kill: waits until every valid order has reached the ERP (first round only)
     * or nothing has happened for {@link #QUIET} (the drop empty, the ERP taking nothing), stops
     * the gateway cleanly and asks the journal whether anything is unfinished (RECEIVED
     * interchanges, ACCEPTED messages); if so, starts it again. Returns how many extra starts it took.
     */
    private int settle(GatewayProcess gateway, Path data, ErpTaker erp, ConcurrentLinkedQueue<CrashCorpus.Input> unsentHttp,
                       List<CrashCorpus.Input> inputs) throws Exception {
        long deadline = System.nanoTime() + s.settleTimeout().toNanos();
        Set<String> valid = new HashSet<>();
        inputs.forEach(in -> in.orders().stream().filter(o -> !o.mustQuarantine()).forEach(o -> valid.add(o.number())));
        Set<String> seen = new HashSet<>();
        Set<Path> read = new HashSet<>();
        int extraStarts = 0;
        for (int round = 0; ; round++) {
            CrashCorpus.Input retry;
            while ((retry = unsentHttp.poll()) != null) {
                httpRetries.incrementAndGet();
                if (!post(retry)) {
                    unsentHttp.add(retry);
                    break;
                }
            }
            int taken = -1;
            long quietSince = System.nanoTime();
            boolean late = false;
            while (System.nanoTime() - quietSince < QUIET.toNanos()) {
                if (erp.count() != taken || inboundFiles(data) > 0) {
                    taken = erp.count();
                    quietSince = System.nanoTime();
                }
                for (Path f : erp.files()) {
                    if (read.add(f)) {
                        String number = orderNumber(f);
                        if (number != null) {
                            seen.add(number);
                        }
                    }
                }
                if (round == 0 && seen.containsAll(valid) && inboundFiles(data) == 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    late = true;
                    break;
                }
                Thread.sleep(200);
            }
            gateway.stop(Duration.ofSeconds(60));
            List<String> unfinished = unfinished(data);
            if (late) {
                throw new IllegalStateException("the gateway did not finish within " + s.settleTimeout() + ": "
                        + (valid.size() - seen.stream().filter(valid::contains).count()) + " valid orders not at the ERP, "
                        + inboundFiles(data) + " files still in inbound/, " + unfinished.size()
                        + " interchanges/messages unfinished " + unfinished.stream().limit(10).toList()
                        + " (gateway log: " + s.work().resolve("gateway.log") + ")");
            }
            if (unfinished.isEmpty() && unsentHttp.isEmpty() && inboundFiles(data) == 0) {
                return extraStarts;
            }
            log.printf("settling: %d interchanges/messages unfinished %s; starting the gateway again%n", unfinished.size(),
                    unfinished.stream().limit(5).toList());
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(unfinished.size() + " interchanges/messages still unfinished after "
                        + s.settleTimeout() + ": " + unfinished.stream().limit(10).toList() + " (gateway log: "
                        + s.work().resolve("gateway.log") + ")");
            }
            gateway.start(Duration.ofMinutes(3));
            extraStarts++;
        }
    }

    /** RECEIVED interchanges and ACCEPTED messages: the delivery side's unfinished work (the signal tap is not counted). */
    private List<String> unfinished(Path data) {
        try (Database db = Database.open(childConfig(data), List.of())) {
            Journal journal = new Journal(db.entityManagerFactory());
            List<String> open = new ArrayList<>();
            for (long id : journal.interchangeIds(InterchangeStatus.RECEIVED)) {
                open.add("I-" + id + " RECEIVED " + journal.interchangeWithoutBytes(id).sourceName());
            }
            for (JournalEntry e : journal.entries(new JournalQuery("ACCEPTED", null, null))) {
                open.add(e.id() + " ACCEPTED " + e.interchangeId() + " " + e.interchangeRef() + " " + e.documentNumber()
                        + "; interchange history: " + journal.history(Long.parseLong(e.interchangeId().substring(2))).stream()
                        .map(h -> h.status() + (h.messageId() == null ? "" : "(M-" + h.messageId() + ")"))
                        .toList());
            }
            return open;
        }
    }

    private static long inboundFiles(Path data) throws IOException {
        try (var files = Files.list(data.resolve("inbound"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private CrashReport count(List<CrashCorpus.Input> inputs, Path data, ErpTaker erp, List<Integer> exitCodes, int starts,
                              double seconds) throws Exception {
        Map<String, CrashCorpus.Order> orders = new LinkedHashMap<>();
        int viaHttp = 0;
        for (CrashCorpus.Input in : inputs) {
            in.orders().forEach(o -> orders.put(o.number(), o));
            viaHttp += in.transport() == CrashCorpus.Transport.HTTP ? 1 : 0;
        }
        Map<String, Integer> erpFiles = new HashMap<>();
        int unknown = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : erp.files()) {
            String number = orderNumber(f);
            if (number == null || !orders.containsKey(number)) {
                unknown++;
                problems.add("ERP file " + f.getFileName() + " is no order of this run (" + number + ")");
            } else {
                erpFiles.merge(number, 1, Integer::sum);
            }
        }
        Set<String> quarantinedOrders = new HashSet<>();
        long duplicateInterchanges;
        try (Database db = Database.open(childConfig(data), List.of())) {
            Journal journal = new Journal(db.entityManagerFactory());
            for (JournalEntry e : journal.entries(new JournalQuery("QUARANTINED", null, null))) {
                if (e.documentNumber() != null) {
                    quarantinedOrders.add(e.documentNumber());
                }
            }
            duplicateInterchanges = journal.interchangeIds(InterchangeStatus.DUPLICATE).size();
        }
        int once = 0;
        int quarantined = 0;
        int duplicates = 0;
        int missing = 0;
        int both = 0;
        int quarantinedValid = 0;
        int deliveredInvalid = 0;
        int expected = 0;
        for (CrashCorpus.Order o : orders.values()) {
            int files = erpFiles.getOrDefault(o.number(), 0);
            boolean q = quarantinedOrders.contains(o.number());
            expected += o.mustQuarantine() ? 1 : 0;
            if (files > 1) {
                duplicates += files - 1;
                problems.add("order " + o.number() + " reached the ERP " + files + " times");
            }
            if (files >= 1 && q) {
                both++;
                problems.add("order " + o.number() + " was delivered and quarantined");
            } else if (files == 1) {
                once++;
            } else if (q) {
                quarantined++;
            } else if (files == 0) {
                missing++;
                problems.add("order " + o.number() + " is missing: neither delivered nor quarantined");
            }
            if (q && files == 0 && !o.mustQuarantine()) {
                quarantinedValid++;
                problems.add("valid order " + o.number() + " was quarantined");
            }
            if (files > 0 && o.mustQuarantine()) {
                deliveredInvalid++;
                problems.add("invalid order " + o.number() + " was delivered");
            }
        }
        Collections.sort(problems);
        return new CrashReport(inputs.size(), orders.size(), viaHttp, once, quarantined, duplicates, missing, both, unknown,
                expected, quarantinedValid, deliveredInvalid, exitCodes.size(), List.copyOf(exitCodes), starts,
                httpRetries.get(), duplicateInterchanges, seconds, List.copyOf(problems));
    }

    /** The order number in a UBL Order the ERP took: its top-level cbc:ID. */
    static String orderNumber(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "ID".equals(e.getLocalName())) {
                String id = e.getTextContent().trim();
                return ORDER.matcher(id).matches() ? id : null;
            }
        }
        return null;
    }

    /**
     * The system properties of a child gateway: stack traces on, the project's routes and mappings,
     * {@code httpPort} for the partner endpoints and a free one for feedback, then {@code extra}.
     */
    static Map<String, String> childProperties(Path routes, Path mappings, int httpPort, Map<String, String> extra)
            throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("aval.stacktrace", "true");
        props.put("aval.routes", routes.toString());
        props.put("aval.mappings", mappings.toString());
        props.put("aval.http.port", Integer.toString(httpPort));
        props.put("aval.feedback.http.port", Integer.toString(freePort()));
        props.putAll(extra);
        return props;
    }

    /** The child gateway's configuration as the parent reads its journal with: config/ plus the --set settings. */
    private AvalConfig childConfig(Path data) {
        return childConfig(s.config(), data, s.properties());
    }

    /** {@code config} under {@code data} with the settings a child gateway was given as system properties. */
    static AvalConfig childConfig(Path config, Path data, Map<String, String> properties) {
        AvalConfig c = AvalConfig.load(config, data);
        for (Map.Entry<String, String> p : properties.entrySet()) {
            c = c.with(p.getKey(), p.getValue());
        }
        return c;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Empties the work folder, but only one this class made (it leaves a marker) or an empty one. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            Files.createFile(dir.resolve(MARKER));
            return;
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent() && !Files.exists(dir.resolve(MARKER))) {
                throw new IllegalArgumentException(dir + " is not empty and not a crash-test work folder (no " + MARKER + "): not deleting it");
            }
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Collections.reverseOrder()).toList()) {
                if (!p.equals(dir) && !p.equals(dir.resolve(MARKER))) {
                    Files.delete(p);
                }
            }
        }
        if (!Files.exists(dir.resolve(MARKER))) {
            Files.createFile(dir.resolve(MARKER));
        }
    }
}
