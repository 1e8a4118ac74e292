package io.aval.crash;

import io.aval.crash.internal.ErpTaker;
import io.aval.crash.internal.GatewayProcess;
import io.aval.journal.Database;
import io.aval.journal.InterchangeStatus;
import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One very large interchange through a gateway with a small heap: the gateway runs in a child JVM
 * ({@code -Xmx} as asked, ended at once by an OutOfMemoryError), an interchange of many ORDERS is
 * written straight to disk and dropped in its inbound folder, and the run waits until the ERP has
 * taken one file per order. Then it asks the gateway's journal whether every message was delivered.
 */
public final class LargeInterchangeRun {

    /**
     * {@code megabytes} of ORDERS with {@code lines} lines each, through a gateway limited to {@code heap};
     * {@code properties} are passed on to it (e.g. {@code aval.db.url} for PostgreSQL).
     */
    public record Settings(Path config, Path routes, Path mappings, Path work, int megabytes, int lines, String heap,
                           Duration timeout, Map<String, String> properties) {
    }

    /** What came out: the counts, the journal's verdict, and how long each part took. */
    public record Report(long bytes, int messages, int taken, String interchangeStatus, Map<MessageStatus, Long> states,
                         double readySeconds, double writeSeconds, double seconds, String heap) {

        public boolean complete() {
            return taken == messages && "ACCEPTED".equals(interchangeStatus)
                    && states.getOrDefault(MessageStatus.DELIVERED, 0L) == messages && states.size() == 1;
        }

        public void print(PrintStream out) {
            out.printf("interchange          %,d bytes (%.1f MB), %,d ORDERS messages%n", bytes, bytes / 1e6, messages);
            out.printf("gateway heap         -Xmx%s%n", heap);
            out.printf("gateway ready        %.1f s%n", readySeconds);
            out.printf("dropped to delivered %.1f s: %.2f MB/s, %.1f messages/s%n", seconds, bytes / 1e6 / seconds, messages / seconds);
            out.printf("ERP took             %,d files%n", taken);
            out.printf("journal              interchange %s, messages %s%n", interchangeStatus, states);
            out.println(complete() ? "OK: every message delivered once, within the heap" : "FAILED: not every message was delivered");
        }
    }

    private static final String HEAD = "UNA:+.? 'UNB+UNOC:3+5412345000013:14+4012345000009:14+261127:0300+LARGE1'\n";

    private final Settings s;
    private final PrintStream log;

    public LargeInterchangeRun(Settings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
    }

    public Report run() throws Exception {
        CrashTest.deleteTree(s.work());
        Path data = s.work().resolve("data");
        Files.createDirectories(data.resolve("inbound"));
        Files.createDirectories(data.resolve("outbound/erp"));
        long t0 = System.nanoTime();
        Path file = s.work().resolve("large.edi");
        int messages = write(file, (long) s.megabytes() * 1_000_000L, s.lines());
        long bytes = Files.size(file);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        log.printf("wrote %s: %,d bytes, %,d messages in %.1f s%n", file, bytes, messages, writeSeconds);

        Map<String, String> props = CrashTest.childProperties(s.routes(), s.mappings(), CrashTest.freePort(), s.properties());
        GatewayProcess gateway = new GatewayProcess(s.config(), data, props, Map.of(), s.work(), s.heap());
        Duration ready = gateway.start(Duration.ofMinutes(3));
        int taken;
        double seconds;
        try (ErpTaker erp = new ErpTaker(data.resolve("outbound/erp"), s.work().resolve("erp-taken"))) {
            long started = System.nanoTime();
            // written beside the folder, then moved in: the drop route never sees a file still growing
            Files.move(file, data.resolve("inbound/large.edi"), StandardCopyOption.ATOMIC_MOVE);
            long deadline = started + s.timeout().toNanos();
            int last = -1;
            long lastReport = started;
            while (erp.count() < messages) {
                if (!gateway.alive()) {
                    throw new IllegalStateException("the gateway ended while the interchange went through (heap -Xmx"
                            + s.heap() + "); end of its log:\n" + gateway.logTail());
                }
                if (System.nanoTime() > deadline) {
                    gateway.stop(Duration.ofSeconds(30));
                    throw new IllegalStateException("after " + s.timeout() + " the ERP has taken " + erp.count() + " of "
                            + messages + " files; end of the gateway log:\n" + gateway.logTail());
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L && erp.count() != last) {
                    last = erp.count();
                    lastReport = System.nanoTime();
                    log.printf("%.0f s: ERP has taken %,d of %,d%n", (lastReport - started) / 1e9, last, messages);
                }
                Thread.sleep(100);
            }
            seconds = (System.nanoTime() - started) / 1e9;
            gateway.stop(Duration.ofSeconds(60));
            taken = erp.takeAll() + erp.count();
        } finally {
            if (gateway.alive()) {
                gateway.kill();
            }
        }
        try (Database db = Database.open(CrashTest.childConfig(s.config(), data, s.properties()), List.of())) {
            Journal journal = new Journal(db.entityManagerFactory());
            List<Long> accepted = journal.interchangeIds(InterchangeStatus.ACCEPTED);
            long id = accepted.isEmpty() ? -1 : accepted.get(0);
            String status = accepted.size() == 1 ? "ACCEPTED" : "not accepted (" + accepted.size() + " accepted interchanges)";
            return new Report(bytes, messages, taken, status, id < 0 ? Map.of() : journal.messageStates(id),
                    ready.toMillis() / 1000.0, writeSeconds, seconds, s.heap());
        }
    }

    /** Writes an interchange of about {@code size} bytes of ORDERS with {@code lines} lines each; returns how many messages. */
    static int write(Path file, long size, int lines) throws IOException {
        int n = 0;
        long written;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            byte[] head = HEAD.getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            written = head.length;
            while (written < size || n == 0) {
                n++;
                byte[] m = order(n, lines).getBytes(StandardCharsets.US_ASCII);
                out.write(m);
                written += m.length;
            }
            out.write(("UNZ+" + n + "+LARGE1'\n").getBytes(StandardCharsets.US_ASCII));
        }
        return n;
    }

    /** Order LARGE-n of acme's (the sample partner) with {@code lines} article lines. */
    static String order(int n, int lines) {
        StringBuilder m = new StringBuilder(64 * lines + 400);
        m.append("UNH+").append(n).append("+ORDERS:D:96A:UN:EAN008'\n")
                .append("BGM+220+LARGE-").append(n).append("+9'\n")
                .append("DTM+137:202611").append(10 + n % 18).append(":102'\n")
                .append("DTM+2:202612").append(10 + n % 18).append(":102'\n")
                .append("NAD+BY+5412345000013::9++Acme Distribution'\n")
                .append("NAD+SU+4012345000009::9++Fournisseur Industriel SA'\n")
                .append("NAD+DP+5412345000099::9++Acme Entrepot+12 rue des Docks+Lyon++69007+FR'\n")
                .append("CUX+2:EUR:9'\n");
        for (int l = 1; l <= lines; l++) {
            m.append("LIN+").append(l).append("++40008621").append(10000 + (n * 31 + l * 7) % 1500).append(":EN'\n")
                    .append("QTY+21:").append(1 + (n + l) % 500).append("'\n")
                    .append("PRI+AAA:").append((n + l) % 20).append('.').append(10 + l % 89).append("'\n");
        }
        m.append("UNS+S'\nCNT+2:").append(lines).append("'\n")
                .append("UNT+").append(10 + 3 * lines + 1).append('+').append(n).append("'\n");
        return m.toString();
    }
}
