package io.aval.bench;

import io.aval.config.AvalConfig;
import io.aval.gateway.Gateway;
import io.aval.journal.JournalQuery;
import io.aval.journal.ProcessingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * End-to-end throughput of the whole pipeline, as {@code ./aval import} drives it: ORDERS
 * interchanges from the demo partner (config/partners.yaml), journal, broker, reader, mapping,
 * UBL validation, ERP delivery and the signal tap all on, in a throw-away data folder.
 * <p>
 * One account's messages are translated and tapped in order, one batch at a time (JMS group = account),
 * so with one partner the pipeline runs one account's serial path. {@code accounts > 1} spreads the
 * interchanges round robin over that many partners, each its own account: the demo partner and
 * copies of it added to a copy of the configuration folder.
 */
public final class ImportBenchmark {

    /** What one run measured. */
    public record Result(int messages, double seconds, double readySeconds, double cpuSeconds) {
        /** process CPU time (all threads) per message during the measured run: comparable on a busy machine */
        public double cpuMillisPerMessage() {
            return cpuSeconds * 1000 / messages;
        }

        public double messagesPerSecond() {
            return messages / seconds;
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * The warm-up when none is asked for: twelve times the measured interchanges, at least 2. Half was too
     * little: in a JFR profile of 2026-11-27 (2,000 interchanges of 20 warm-up, 1,000 measured) the C2
     * compiler took about two thirds as much CPU as the pipeline's own threads for the first 40,000 or so messages, and
     * about nothing after; most code of the pipeline runs once per message, so it reaches C2's thresholds
     * only after some 10,000 messages, and once-per-interchange code twenty times later. Three times was too
     * little as well: after 900 interchanges of 20 (JFR, 300 measured) the C2 thread still used 36 % of the
     * machine's CPU during the measured run, after 4,000 (500 measured) 4 %. Eight times was too little on
     * 2026-11-28: after 4,000 interchanges the C2 thread used 2.7–3.5 s of the measured run's 17–27 CPU seconds
     * (per-thread CPU from /proc, seven runs of the default import), and JFR showed its long compilations there to be first
     * compilations of once-per-interchange code (the intake's dispatch, Hibernate's insert sorting and bulk
     * update, the broker's send encoding): C2 compiles a method without loops after about 5,000 calls, i.e.
     * during interchanges 4,000–5,000. Twelve times (6,000) is past that threshold, though not past all compiling:
     * in two runs with it the C2 thread still used 1.5 and 2.4 CPU s of the measured run. The figure is meant for what a long
     * import of archives runs at, not for its first minutes.
     */
    public static int defaultWarmUp(int interchanges) {
        return Math.max(2, interchanges * 12);
    }

    /**
     * Feeds {@code warmUp} interchanges (not measured), then {@code interchanges} interchanges of
     * {@code perInterchange} ORDERS each, from {@code accounts} partners (see above), and waits until every
     * message is delivered and tapped.
     */
    public Result run(AvalConfig base, String reader, int interchanges, int perInterchange, int warmUp, int accounts)
            throws Exception {
        if (accounts < 1) {
            throw new IllegalArgumentException("--import-accounts must be at least 1, not " + accounts);
        }
        Path data = Files.createTempDirectory("aval-bench-import");
        try {
            Path configDir = accounts == 1 ? base.configDir() : BenchPartners.configWith(base.configDir(),
                    data.resolve("bench-config"), accounts);
            AvalConfig config = AvalConfig.load(configDir, data)
                    .with("aval.routes", base.routesDir().toString())
                    .with("aval.mappings", base.mappingsDir().toString())
                    .with("aval.edifact.reader", reader);
            // warm-up: earlier business days and other order numbers, so the measured run starts with compiled code, as the
            // parse and write figures do
            List<byte[]> warm = corpus("WARM", LocalDate.of(2024, 1, 2), 1_000_000, warmUp, perInterchange, accounts);
            List<byte[]> corpus = corpus("BENCH", LocalDate.of(2025, 1, 2), 1, interchanges, perInterchange, accounts);
            long t0 = System.nanoTime();
            try (Gateway gateway = Gateway.start(config)) {
                double ready = (System.nanoTime() - t0) / 1e9;
                gateway.readers().warmUp("D96A", reader);
                for (int i = 0; i < warm.size(); i++) {
                    gateway.submit(warm.get(i), "import", "warm-up-" + i + ".edi", ProcessingMode.DELIVER);
                }
                gateway.awaitIdle(Duration.ofMinutes(30));
                long before = delivered(gateway);
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                for (int i = 0; i < corpus.size(); i++) {
                    gateway.submit(corpus.get(i), "import", "bench-" + i + ".edi", ProcessingMode.DELIVER);
                }
                gateway.awaitIdle(Duration.ofMinutes(30));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (processCpuNanos() - cpuStart) / 1e9;
                long delivered = delivered(gateway) - before;
                if (delivered != (long) interchanges * perInterchange) {
                    throw new IllegalStateException("bench import delivered " + delivered + " of "
                            + interchanges * perInterchange + " messages: see ./aval journal --data " + data);
                }
                return new Result(interchanges * perInterchange, seconds, ready, cpu);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long delivered(Gateway gateway) {
        return gateway.journal().entries(new JournalQuery("DELIVERED", null, null)).size();
    }

    /**
     * ORDERS to the supplier, one business day per interchange from {@code firstDay}, control references
     * {@code refPrefix} + number, order numbers from {@code firstPo}; interchange i comes from sender
     * i mod {@code accounts} ({@link BenchPartners#sender}: Acme, 5412345000013, for the first).
     */
    static List<byte[]> corpus(String refPrefix, LocalDate firstDay, int firstPo, int interchanges, int perInterchange,
            int accounts) {
        List<byte[]> out = new ArrayList<>();
        LocalDate day = firstDay;
        int po = firstPo;
        for (int i = 0; i < interchanges; i++) {
            String ref = String.format("%s%09d", refPrefix, i);
            StringBuilder s = new StringBuilder("UNA:+.? 'UNB+UNOC:3+").append(BenchPartners.sender(i % accounts))
                    .append("+4012345000009:14+")
                    .append(day.format(DateTimeFormatter.ofPattern("yyMMdd"))).append(":1200+").append(ref).append('\'');
            for (int m = 1; m <= perInterchange; m++, po++) {
                String[] body = {
                    "BGM+220+PO-B-" + po + "+9", "DTM+137:" + day.format(DAY) + ":102",
                    "NAD+BY+5412345000013::9", "NAD+SU+4012345000009::9",
                    "NAD+DP+5412345000099::9++Acme Entrepot Lyon+12 rue des Docks+Lyon++69007+FR",
                    "LIN+1++4000862141404:EN", "QTY+21:" + (100 + po % 50), "PRI+AAA:1.25",
                    "LIN+2++4000862141411:EN", "QTY+21:" + (20 + po % 7), "PRI+AAA:7.10", "UNS+S"};
                s.append("UNH+").append(m).append("+ORDERS:D:96A:UN:EAN008'");
                for (String seg : body) {
                    s.append(seg).append('\'');
                }
                s.append("UNT+").append(body.length + 2).append('+').append(m).append('\'');
            }
            s.append("UNZ+").append(perInterchange).append('+').append(ref).append('\'');
            out.add(s.toString().getBytes(StandardCharsets.ISO_8859_1));
            day = day.plusDays(1);
        }
        return out;
    }
}
