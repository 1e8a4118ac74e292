package io.aval.gateway;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aval.journal.InterchangeRecord;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.journal.ProcessingMode;
import io.aval.testing.TestGateway;
import io.aval.transport.PartnerEndpoints;
import io.aval.transport.PasswordHash;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and broken input through the real gateway (routes, embedded Artemis, H2, the partner
 * endpoints on loopback): every kind of bad file of the corpus in {@code src/test/resources/hostile/}
 * and the huge ones generated here ends QUARANTINED with a reason that names the problem (and the
 * partner and interchange where they can be known) with its raw bytes kept, or is refused at the
 * transport with its HTTP status; and after each, a good interchange from another partner is still
 * DELIVERED.
 */
class HostileInputIT {

    private static final String PASSWORD = "acme-hostile-password-7";
    /** beta, the other partner added to a copy of the project's partners.yaml for this test */
    private static final String BETA = "5499999000015";
    private static final int MAX_BODY = 1024 * 1024;
    /** Above the 10 and 12 MB generated cases, so those meet the segment limits; the oversize drop goes beyond it. */
    private static final long MAX_INTERCHANGE = 16L * 1024 * 1024;
    private static final Path CORPUS = TestGateway.HOME.resolve("src/test/resources/hostile");
    private static final AtomicInteger REFS = new AtomicInteger();

    /** The test's own folder: the data folder inside it, so "outside the data folder" is still ours to look at. */
    @TempDir
    static Path root;
    static Path data;

    static Gateway gateway;
    static PartnerEndpoints endpoints;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws IOException {
        data = Files.createDirectories(root.resolve("data"));
        Path config = io.aval.config.AvalConfig.copyFolder(TestGateway.HOME.resolve("config"), root.resolve("config"));
        Files.writeString(config.resolve("partners.yaml"), """

                  - id: beta
                    name: Beta Industrie
                    account: BETA
                    identities:
                      - { id: "%s", qualifier: "14" }
                    inbound:
                      messageTypes: [ORDERS]
                      directories: [D96A]
                      reader: aval
                """.formatted(BETA), java.nio.file.StandardOpenOption.APPEND);
        gateway = TestGateway.start(io.aval.config.AvalConfig.load(config, data)
                .with("aval.routes", TestGateway.HOME.resolve("routes").toString())
                .with("aval.mappings", TestGateway.HOME.resolve("mappings").toString())
                .with("aval.http.port", "0")
                .with("aval.http.max-body-bytes", Integer.toString(MAX_BODY))
                .with("aval.limits.max-interchange-bytes", Long.toString(MAX_INTERCHANGE)));
        String hash = PasswordHash.create(PASSWORD.toCharArray(), 1000);
        endpoints = PartnerEndpoints.start(gateway, name -> name.equals("AVAL_PARTNER_ACME_PASSWORD_HASH") ? hash : null);
    }

    @AfterAll
    static void stop() {
        if (endpoints != null) {
            endpoints.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    // ---- the corpus, one file per kind ---------------------------------------------------------

    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated.edi             | file | partner acme, interchange HTRUNC1 | the interchange is truncated at segment 8 (LIN); the file ends inside segment 8
            binary.bin                | file | interchange                       | binary content, not EDIFACT text; byte 0x03 at offset 2
            unoa-latin1-bytes.edi     | file | partner acme, interchange HUNOA01 | character not valid in the declared character set at segment 6 (FTX); byte 0xE9 at offset 155 is not valid UNOA (US-ASCII)
            unoy-invalid-utf8.edi     | file | partner acme, interchange HUNOY01 | character not valid in the declared character set at segment 6 (FTX); byte 0xC3 at offset 157 is not valid UNOY (UTF-8)
            xxe-external-entity.xml   | file | XML document xxe-external-entity.xml | DOCTYPE declarations are refused
            xxe-parameter-entity.xml  | file | XML document xxe-parameter-entity.xml | DOCTYPE declarations are refused
            billion-laughs.xml        | file | XML document billion-laughs.xml   | DOCTYPE declarations are refused
            billion-laughs.xml        | erp  | XML document billion-laughs.xml   | DOCTYPE declarations are refused
            xxe-external-entity.xml   | erp  | XML document xxe-external-entity.xml | DOCTYPE declarations are refused
            """)
    void corpusFileIsQuarantinedWithItsOwnReasonAndKept(String file, String transport, String where, String reason) throws Exception {
        byte[] raw = Files.readAllBytes(CORPUS.resolve(file));
        long id = gateway.submit(raw, transport, file, ProcessingMode.DELIVER);
        JournalEntry e = settled(id);
        assertThat(e.status()).isEqualTo("QUARANTINED");
        assertThat(e.reason()).startsWith(where);
        for (String part : reason.split(";")) {
            assertThat(e.reason()).contains(part.trim());
        }
        assertThat(e.reason()).doesNotContain("root:", "lollollol");
        assertThat(gateway.journal().interchange(id).rawBytes()).isEqualTo(raw);
        otherPartnerIsStillDelivered();
    }

    // ---- generated at run time: too big to commit ----------------------------------------------

    @Test
    void tenMegabyteSegmentIsQuarantinedAtTheSegmentLimit() {
        String[] body = ordersBody("PO-HUGE-SEG", "20261126", "4000862141404", 1);
        body[body.length - 1] = "FTX+AAI+++" + "X".repeat(10 * 1024 * 1024);
        byte[] raw = bytes(interchange(ACME, "HSEG001", body));
        Measured m = measure(() -> settled(gateway.submit(raw, "file", "ten-megabyte-segment.edi", ProcessingMode.DELIVER)));
        JournalEntry e = m.entry;
        assertThat(e.status()).isEqualTo("QUARANTINED");
        assertThat(e.reason()).contains("partner acme, interchange HSEG001", "segment longer than the gateway accepts",
                "segment 12 (FTX)", "runs on past 65536 characters", "aval.limits.max-segment-bytes");
        assertThat(gateway.journal().interchange(idOf(e)).rawBytes()).hasSize(raw.length);
        System.out.printf("hostile: 10 MB segment (%d bytes) quarantined in %d ms, heap peak %d MB%n",
                raw.length, m.millis, m.heapPeakMb);
        otherPartnerIsStillDelivered();
    }

    @Test
    void millionSegmentMessageIsQuarantinedAtTheSegmentCountLimit() {
        StringBuilder s = new StringBuilder("UNA:+.? 'UNB+UNOC:3+" + ACME + ":14+4012345000009:14+261126:1200+HMIL001'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-MILLION+9'DTM+137:20261126:102'");
        for (int i = 0; i < 1_000_000; i++) {
            s.append("FTX+AAI+++").append(i % 10).append('\'');
        }
        s.append("UNT+1000004+1'UNZ+1+HMIL001'");
        byte[] raw = bytes(s.toString());
        Measured m = measure(() -> settled(gateway.submit(raw, "file", "million-segments.edi", ProcessingMode.DELIVER)));
        JournalEntry e = m.entry;
        assertThat(e.status()).isEqualTo("QUARANTINED");
        assertThat(e.reason()).contains("partner acme, interchange HMIL001", "message has more segments than the gateway accepts",
                "message 1 (UNH at segment 3) goes on past 999999 segments", "aval.limits.max-message-segments");
        assertThat(gateway.journal().interchange(idOf(e)).rawBytes()).hasSize(raw.length);
        System.out.printf("hostile: 1,000,000-segment message (%d bytes) quarantined in %d ms, heap peak %d MB%n",
                raw.length, m.millis, m.heapPeakMb);
        otherPartnerIsStillDelivered();
    }

    @Test
    void droppedFileOverTheInterchangeLimitIsQuarantinedUnreadAndKeptOnDisk() throws Exception {
        String name = "oversize-" + REFS.incrementAndGet() + ".edi";
        byte[] head = bytes("UNA:+.? 'UNB+UNOC:3+" + ACME + ":14+4012345000009:14+261126:1200+HOVER01'UNH+1+ORDERS:D:96A:UN:EAN008'");
        Path tmp = data.resolve("inbound/.oversize.tmp");
        try (var out = Files.newOutputStream(tmp)) {
            out.write(head);
            byte[] filler = bytes("FTX+AAI+++" + "X".repeat(1000) + "'");
            for (long written = head.length; written <= MAX_INTERCHANGE; written += filler.length) {
                out.write(filler);
            }
        }
        long size = Files.size(tmp);
        Files.move(tmp, data.resolve("inbound").resolve(name));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> gateway.journal().entries(JournalQuery.all()).stream()
                        .anyMatch(x -> name.equals(x.source()) && !"RECEIVED".equals(x.status())));
        JournalEntry e = gateway.journal().entries(JournalQuery.all()).stream().filter(x -> name.equals(x.source()))
                .collect(java.util.stream.Collectors.toList()).get(0);
        assertThat(e.status()).isEqualTo("QUARANTINED");
        assertThat(e.reason()).contains("larger than the gateway accepts", size + " bytes", "limit is " + MAX_INTERCHANGE,
                "aval.limits.max-interchange-bytes", "not read, kept as quarantine/oversize/");
        Path kept = data.resolve("quarantine/oversize").resolve(e.interchangeId() + "-" + name);
        assertThat(kept).hasSize(size);
        assertThat(data.resolve("inbound").resolve(name)).doesNotExist();
        assertThat(gateway.journal().entries(JournalQuery.all()).stream().filter(x -> name.equals(x.source()))).hasSize(1);
        otherPartnerIsStillDelivered();
    }

    // ---- at the transports ---------------------------------------------------------------------

    // repeated: before the 413 went out ahead of draining the rest of the body, 5 of 60 runs lost the answer to a reset
    @org.junit.jupiter.api.RepeatedTest(20)
    void chunkedBodyWithoutContentLengthOverTheLimitIsRefusedWith413AndNothingIsJournaled() throws Exception {
        int before = gateway.journal().entries(JournalQuery.all()).size();
        long size = 3L * MAX_BODY;
        HttpRequest request = HttpRequest.newBuilder(endpoints.baseUri().resolve("partners/interchanges"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic())
                .header("Content-Type", "application/edifact")
                // an InputStream publisher has no length: the client sends Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatingStream(size)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("too_large", "more than " + MAX_BODY + " bytes", "aval.http.max-body-bytes");
        assertThat(gateway.journal().entries(JournalQuery.all())).hasSize(before);
        otherPartnerIsStillDelivered();
    }

    @ParameterizedTest
    @CsvSource({"soap-billion-laughs.xml", "soap-xxe.xml"})
    void soapEnvelopeWithDoctypeIsAFaultAndNothingIsJournaled(String file) throws Exception {
        int before = gateway.journal().entries(JournalQuery.all()).size();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoints.baseUri().resolve("soap/interchanges"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic())
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofFile(CORPUS.resolve(file)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault").containsIgnoringCase("DTD").doesNotContain("root:", "lollollol");
        assertThat(gateway.journal().entries(JournalQuery.all())).hasSize(before);
        otherPartnerIsStillDelivered();
    }

    @Test
    void traversalInTheRestFileNameAndTheDocumentNumberNeverLeavesTheDataFolder() throws Exception {
        String traversal = "../../../../tmp/aval-hostile-" + REFS.incrementAndGet();
        byte[] edi = bytes(interchange(ACME, "HPATH01", ordersBody(traversal, "20261126", "4000862141404", 2)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoints.baseUri().resolve("partners/interchanges"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic())
                .header("Content-Type", "application/edifact")
                .header("X-Aval-File-Name", "..\\..\\..\\etc\\passwd")
                .POST(HttpRequest.BodyPublishers.ofByteArray(edi))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        long id = Long.parseLong(response.body().replaceAll("\\D", ""));
        JournalEntry e = settled(id);
        assertThat(e.status()).isEqualTo("DELIVERED");
        assertThat(e.source()).isEqualTo("..\\..\\..\\etc\\passwd"); // recorded as sent, used for no path
        Path delivered = Path.of(e.deliveredTo()).toAbsolutePath().normalize();
        assertThat(delivered.getParent()).isEqualTo(data.resolve("outbound/erp").toAbsolutePath().normalize());
        assertThat(delivered.getFileName().toString()).doesNotContain("/", "\\");
        assertThat(Path.of("/tmp/aval-hostile-" + REFS.get())).doesNotExist();
    }

    @Test
    void fileDroppedWithTraversalInItsNameIsQuarantinedAndKeptInsideTheDataFolder() throws Exception {
        String ref = "HDROP" + REFS.incrementAndGet();
        String name = "..\\..\\..\\aval-hostile-drop-" + ref + ".edi";
        byte[] raw = bytes(interchange(ACME, ref, ordersBody("PO-" + ref, "20261126", "4000862141404", 2)));
        Path tmp = data.resolve("inbound/.drop.tmp");
        Files.write(tmp, raw);
        Files.move(tmp, data.resolve("inbound").resolve(name));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> gateway.journal().entries(JournalQuery.all()).stream()
                        .anyMatch(x -> name.equals(x.source()) && !"RECEIVED".equals(x.status())));
        JournalEntry e = gateway.journal().entries(JournalQuery.all()).stream().filter(x -> name.equals(x.source())).findFirst().orElseThrow();
        assertThat(e.status()).isEqualTo("QUARANTINED");
        assertThat(e.reason()).contains("file name '" + name + "' holds a path separator", "never used as a path");
        assertThat(gateway.journal().interchange(idOf(e)).rawBytes()).isEqualTo(raw);
        assertThat(data.resolve("inbound").resolve(name)).doesNotExist();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("aval-hostile-drop-" + ref)))
                    .singleElement()
                    .satisfies(p -> assertThat(p.getParent()).isEqualTo(data.resolve("quarantine/unsafe-names")))
                    .satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(raw));
        }
        otherPartnerIsStillDelivered();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A good ORDERS from beta, the other partner: the gateway keeps serving after whatever came before. */
    private static void otherPartnerIsStillDelivered() {
        String ref = "BETA" + REFS.incrementAndGet();
        String edi = interchange(BETA, ref, ordersBody("PO-" + ref, "20261126", "4000862141404", 3));
        JournalEntry e = settled(gateway.submit(bytes(edi), "file", ref + ".edi", ProcessingMode.DELIVER));
        assertThat(e.status()).as(e.reason()).isEqualTo("DELIVERED");
        assertThat(e.partner()).isEqualTo("beta");
    }

    private static JournalEntry settled(long id) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            InterchangeRecord r = gateway.journal().interchange(id);
            return !"RECEIVED".equals(r.status().name()) && gateway.journal().pendingCount() == 0;
        });
        List<JournalEntry> entries = gateway.journal().entries(JournalQuery.all()).stream()
                .filter(e -> e.interchangeId().equals("I-" + id)).toList();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static long idOf(JournalEntry e) {
        return Long.parseLong(e.interchangeId().substring(2));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("acme:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private record Measured(JournalEntry entry, long millis, long heapPeakMb) {
    }

    private static Measured measure(java.util.function.Supplier<JournalEntry> run) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        JournalEntry e = run.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        return new Measured(e, millis, peak);
    }

    /** {@code size} bytes of EDIFACT-looking text, produced as read: the client never holds the body. */
    private static final class RepeatingStream extends InputStream {
        private static final byte[] TEXT = "FTX+AAI+++chunked body without a length'".getBytes(StandardCharsets.ISO_8859_1);
        private long left;
        private int at;

        RepeatingStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return TEXT[at++ % TEXT.length];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = TEXT[at++ % TEXT.length];
            }
            left -= n;
            return n;
        }
    }

}
