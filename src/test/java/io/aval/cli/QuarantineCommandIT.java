package io.aval.cli;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aval.config.AvalConfig;
import io.aval.gateway.Gateway;
import io.aval.journal.Database;
import io.aval.journal.InterchangeRecord;
import io.aval.journal.Journal;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.journal.MessageEvent;
import io.aval.journal.MessageRecord;
import io.aval.journal.ProcessingMode;
import io.aval.testing.DatabaseLockHolder;
import io.aval.testing.TestGateway;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.aval.cli.QuarantineCli.Run;

/**
 * {@code ./aval quarantine} through picocli on a data folder a real gateway (H2, embedded Artemis,
 * the project's routes and mappings) filled with quarantined entries while partner acme's profile
 * lacked an identity and the D01B directory; the profile is then fixed, as a person would. The
 * tests act on distinct entries; they run in order so that list and show see the quarantine before
 * the reprocess and discard tests empty it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuarantineCommandIT {

    /** A sender identity acme uses that its profile does not list until the fix. */
    private static final String ACME_NEW_IDENTITY = "5412345000020";

    @TempDir
    static Path root;

    static Path data;
    static Path config;
    static Path mappings;
    static QuarantineCli cli;

    /** Interchange from the unknown identity: quarantined as a whole. */
    static String unknownSender;
    /** Messages of one interchange: 1 delivered; 2 (a line without price) failed by the broken mapping; 3 in D01B, not agreed. */
    static String multiDelivered;
    static String multiMappingFailed;
    static String multiNotAgreed;
    /** An interchange whose UNZ count is wrong: quarantined as a whole, to be discarded. */
    static String badUnz;
    /** Message 2 (D01B, not agreed) of an interchange imported with --archive: history, never to be delivered. */
    static String archivedNotAgreed;
    /** An invoice from the ERP for acme's new identity: quarantined as a whole, for the partner once fixed. */
    static String erpInvoice;

    /**
     * The profile lacks acme's new identity and D01B; the mapping has a bug (it writes a price on
     * a line that has none, which UBL refuses). A gateway fills the quarantine; then both are fixed.
     */
    @BeforeAll
    static void fillTheQuarantine() throws Exception {
        data = Files.createDirectories(root.resolve("data"));
        mappings = root.resolve("mappings");
        config = QuarantineCli.copyConfig(TestGateway.HOME.resolve("config"), root.resolve("config"), "aval.mappings = " + mappings);
        cli = new QuarantineCli(config, data);
        AvalConfig.copyFolder(TestGateway.HOME.resolve("mappings"), mappings);
        Path orderMapping = mappings.resolve("edifact/orders-in/to-ubl-order.xsl");
        String goodMapping = Files.readString(orderMapping);
        String priceGuard = "<xsl:if test=\"$price/E5118\">";
        assertThat(goodMapping).contains(priceGuard);
        Files.writeString(orderMapping, goodMapping.replace(priceGuard, "<xsl:if test=\"true()\">"));
        String partners = Files.readString(config.resolve("partners.yaml"));
        assertThat(partners).contains("directories: [D96A, D01B]");
        Files.writeString(config.resolve("partners.yaml"), partners.replace("directories: [D96A, D01B]", "directories: [D96A]"));

        try (Gateway gateway = Gateway.start(config())) {
            long unknown = gateway.submit(bytes(interchange(ACME_NEW_IDENTITY, "NEWID001",
                    ordersBody("PO-Q-NEW", "20261120", "4000862141404", 4))), "test", "new-identity.edi", ProcessingMode.DELIVER);
            String[] withoutPrice = java.util.Arrays.stream(ordersBody("PO-Q-2", "20261120", "4000862141411", 2))
                    .filter(seg -> !seg.startsWith("PRI+")).toArray(String[]::new);
            String multi = interchange(ACME, "MULTIQ01",
                    ordersBody("PO-Q-1", "20261120", "4000862141404", 1),
                    withoutPrice,
                    ordersBody("PO-Q-3", "20261120", "4000862141404", 3))
                    .replace("UNH+3+ORDERS:D:96A:UN:EAN008", "UNH+3+ORDERS:D:01B:UN:EAN010");
            long multiId = gateway.submit(bytes(multi), "test", "multi.edi", ProcessingMode.DELIVER);
            long bad = gateway.submit(bytes(interchange(ACME, "BADUNZ01", ordersBody("PO-Q-BAD", "20261120", "4000862141404", 5))
                    .replace("UNZ+1+BADUNZ01", "UNZ+2+BADUNZ01")), "test", "bad-unz.edi", ProcessingMode.DELIVER);
            String invoice = Files.readString(TestGateway.samples().resolve("ubl/invoice-FA-2026-10022.xml"), StandardCharsets.UTF_8)
                    .replace("5412345000013", ACME_NEW_IDENTITY).replace("FA-2026-10022", "FA-2026-QERP1");
            long erp = gateway.submit(invoice.getBytes(StandardCharsets.UTF_8), "erp", "invoice-FA-2026-QERP1.xml", ProcessingMode.DELIVER);
            long archive = gateway.submit(bytes(interchange(ACME, "ARCHQ001",
                    ordersBody("PO-Q-A1", "20251120", "4000862141404", 1),
                    ordersBody("PO-Q-A2", "20251120", "4000862141404", 2))
                    .replace("UNH+2+ORDERS:D:96A:UN:EAN008", "UNH+2+ORDERS:D:01B:UN:EAN010")), "import", "archive.edi", ProcessingMode.ARCHIVE);
            gateway.awaitIdle(Duration.ofMinutes(2));

            Journal journal = gateway.journal();
            List<MessageRecord> archived = journal.messagesOf(archive);
            assertThat(archived).extracting(m -> m.status().name()).containsExactly("ARCHIVED", "QUARANTINED");
            archivedNotAgreed = "M-" + archived.get(1).id();
            assertThat(journal.interchange(erp).status().name()).isEqualTo("QUARANTINED");
            erpInvoice = "I-" + erp;
            assertThat(journal.interchange(unknown).status().name()).isEqualTo("QUARANTINED");
            assertThat(journal.interchange(bad).status().name()).isEqualTo("QUARANTINED");
            List<MessageRecord> three = journal.messagesOf(multiId);
            assertThat(three).extracting(m -> m.status().name()).containsExactly("DELIVERED", "QUARANTINED", "QUARANTINED");
            assertThat(three.get(1).reason()).contains("not valid UBL 2.1", "PriceAmount");
            assertThat(three.get(2).reason()).contains("partner acme", "interchange MULTIQ01", "D01B is not agreed");
            unknownSender = "I-" + unknown;
            badUnz = "I-" + bad;
            multiDelivered = "M-" + three.get(0).id();
            multiMappingFailed = "M-" + three.get(1).id();
            multiNotAgreed = "M-" + three.get(2).id();
        }
        assertThat(erpFiles()).hasSize(1);

        // the fixes: the mapping as it should be; acme's new identity and D01B in its profile
        Files.writeString(orderMapping, goodMapping);
        Files.writeString(config.resolve("partners.yaml"), partners.replace(
                "      - { id: \"ACME\", qualifier: \"ZZ\" }",
                "      - { id: \"ACME\", qualifier: \"ZZ\" }\n      - { id: \"" + ACME_NEW_IDENTITY + "\", qualifier: \"14\" }"));
        assertThat(Files.readString(config.resolve("partners.yaml"))).contains(ACME_NEW_IDENTITY, "directories: [D96A, D01B]");
    }

    @Test
    @Order(1)
    void listsEachQuarantinedEntryOnceWithItsScopeAndReason() throws Exception {
        Run list = aval("quarantine", "list");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.line(unknownSender)).contains("interchange", "NEWID001", "unknown interchange sender", ACME_NEW_IDENTITY);
        assertThat(list.line(multiNotAgreed)).contains("message", "acme", "ORDERS", "MULTIQ01", "PO-Q-3", "D01B is not agreed");
        assertThat(list.line(multiMappingFailed)).contains("message", "acme", "MULTIQ01", "PO-Q-2", "not valid UBL 2.1");
        assertThat(list.line(badUnz)).contains("interchange", "acme", "BADUNZ01", "UNZ counts 2 messages");
        assertThat(list.out()).doesNotContain(multiDelivered + " ");
        assertThat(list.out()).contains("6 entries in quarantine");

        JsonNode json = new ObjectMapper().readTree(aval("quarantine", "list", "--json", "--partner", "acme").out());
        List<String> ids = new ArrayList<>();
        json.forEach(e -> ids.add(e.get("id").asText()));
        assertThat(ids).contains(multiNotAgreed, multiMappingFailed, badUnz).doesNotContain(unknownSender); // the unknown sender has no partner
        json.forEach(e -> assertThat(e.get("partner").asText()).isEqualTo("acme"));
    }

    @Test
    @Order(2)
    void showGivesReasonPartnerInterchangeSegmentsHistoryAndRawContent() {
        Run show = aval("quarantine", "show", multiNotAgreed);
        assertThat(show.exit()).as(show.toString()).isZero();
        assertThat(show.out()).contains(multiNotAgreed + "  QUARANTINED", "one message of accepted interchange",
                "partner      acme", "reference MULTIQ01", "multi.edi", "ORDERS D01B", "document PO-Q-3",
                "D01B is not agreed with partner acme", "message 3 (3, ORDERS D01B): segments",
                "history", "RECEIVED", "gateway", "raw (message as a standalone interchange");
        assertThat(show.out()).contains("UNH+3+ORDERS:D:01B:UN:EAN010");

        Run interchangeLevel = aval("quarantine", "show", badUnz);
        assertThat(interchangeLevel.out()).contains("interchange-level", "segment", "UNZ", "UNZ counts 2 messages, the interchange has 1");

        Run raw = aval("quarantine", "show", unknownSender, "--raw");
        assertThat(raw.out()).contains("interchange as received", "UNZ+1+NEWID001'");
        Run preview = aval("quarantine", "show", unknownSender);
        assertThat(preview.out()).contains("--raw for all").doesNotContain("UNZ+1+NEWID001'");

        Run unknown = aval("quarantine", "show", "M-999999");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("No message M-999999 in the journal");
    }

    @Test
    @Order(5)
    void unknownSenderIsDeliveredExactlyOnceAfterTheProfileIsFixed() throws Exception {
        int before = erpFiles().size();
        Run reprocess = aval("quarantine", "reprocess", unknownSender, "--by", "alice", "--reason", "identity added to acme");
        assertThat(reprocess.exit()).as(reprocess.toString()).isZero();
        assertThat(reprocess.out()).contains(unknownSender + " re-run as I-", "reprocessed by alice: delivered", "DELIVERED to ");
        List<Path> after = erpFiles();
        assertThat(after).hasSize(before + 1);
        assertThat(after).filteredOn(p -> p.getFileName().toString().contains("PO-Q-NEW")).hasSize(1);

        String rerun = reprocess.out().replaceAll("(?s).* re-run as (I-\\d+).*", "$1");
        withJournal(journal -> {
            InterchangeRecord original = journal.interchange(id(unknownSender));
            assertThat(original.status().name()).isEqualTo("REPROCESSED");
            assertThat(original.reason()).contains("reprocessed as " + rerun, "alice", "identity added to acme");
            assertThat(journal.history(id(unknownSender))).anySatisfy(e -> {
                assertThat(e.status()).isEqualTo("QUARANTINE_REPROCESSED");
                assertThat(e.actor()).isEqualTo("alice");
                assertThat(e.detail()).contains("identity added to acme");
            });
            InterchangeRecord copy = journal.interchange(id(rerun));
            assertThat(copy.reprocessOf()).isEqualTo(id(unknownSender));
            assertThat(copy.status().name()).isEqualTo("ACCEPTED");
            assertThat(copy.partnerId()).isEqualTo("acme");
            assertThat(journal.messagesOf(id(rerun))).singleElement()
                    .satisfies(m -> assertThat(m.status().name()).isEqualTo("DELIVERED"));
            return null;
        });

        Run list = aval("quarantine", "list");
        assertThat(list.out()).doesNotContain(unknownSender + " ", rerun + " ");
        Run show = aval("quarantine", "show", rerun);
        assertThat(show.out()).contains("re-run of " + unknownSender, "QUARANTINE_REPROCESSED", "by alice", "DELIVERED");

        // again: refused, nothing delivered twice, and no gateway needed to say so
        Run again = aval("quarantine", "reprocess", unknownSender);
        assertThat(again.exit()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).contains("refused", "reprocessed already as " + rerun);
        Run rerunAgain = aval("quarantine", "reprocess", rerun);
        assertThat(rerunAgain.exit()).as(rerunAgain.toString()).isEqualTo(1);
        assertThat(rerunAgain.err()).contains("accepted", "none of them is in quarantine");
        assertThat(erpFiles()).hasSize(before + 1);
    }

    @Test
    @Order(6)
    void reprocessingOneMessageAfterItsMappingIsFixedDeliversOnlyThatMessageOnce() throws Exception {
        List<Path> before = erpFiles();
        Run reprocess = aval("quarantine", "reprocess", multiMappingFailed, "--by", "carol", "--reason", "price written only when the line has one");
        assertThat(reprocess.exit()).as(reprocess.toString()).isZero();
        assertThat(reprocess.out()).contains(multiMappingFailed + " reprocessed by carol: delivered", multiMappingFailed + " DELIVERED to ");
        List<Path> after = erpFiles();
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after).filteredOn(p -> !before.contains(p)).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).contains("PO-Q-2", multiMappingFailed.replace("-", "")));
        withJournal(journal -> {
            MessageRecord m = journal.message(id(multiMappingFailed));
            assertThat(m.status().name()).isEqualTo("DELIVERED");
            List<MessageEvent> history = journal.history(m.interchangeId());
            assertThat(history).filteredOn(e -> Long.valueOf(id(multiDelivered)).equals(e.messageId()))
                    .filteredOn(e -> e.status().equals("DELIVERED")).hasSize(1);
            assertThat(history).filteredOn(e -> Long.valueOf(id(multiMappingFailed)).equals(e.messageId()))
                    .extracting(MessageEvent::status)
                    .containsExactly("ACCEPTED", "QUARANTINED", "QUARANTINE_REPROCESSED", "ACCEPTED", "DELIVERED");
            assertThat(history).filteredOn(e -> "QUARANTINE_REPROCESSED".equals(e.status())).singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("carol");
                        assertThat(e.detail()).contains("price written only when the line has one");
                    });
            return null;
        });

        Run delivered = aval("quarantine", "reprocess", multiMappingFailed);
        assertThat(delivered.exit()).as(delivered.toString()).isEqualTo(1);
        assertThat(delivered.err()).contains(multiMappingFailed + " was delivered already", "deliver it twice");
        Run neverQuarantined = aval("quarantine", "reprocess", multiDelivered);
        assertThat(neverQuarantined.exit()).as(neverQuarantined.toString()).isEqualTo(1);
        assertThat(neverQuarantined.err()).contains(multiDelivered + " was delivered already");
        assertThat(erpFiles()).hasSize(before.size() + 1);
    }

    /**
     * D01B is agreed now, and ORDERS D01B has its own mapping (orders-in/d01b/, D01B's line groups): the
     * message is delivered on its own, and nothing else of its interchange is delivered again. (Until the
     * D01B mapping existed this re-run failed again with "not valid UBL 2.1".)
     */
    @Test
    @Order(7)
    void reprocessAfterTheProfileFixDeliversTheD01bMessageAlone() throws Exception {
        List<Path> before = erpFiles();
        Run reprocess = aval("quarantine", "reprocess", multiNotAgreed, "--by", "dave");
        assertThat(reprocess.exit()).as(reprocess.toString()).isZero();
        assertThat(reprocess.out()).contains(multiNotAgreed + " reprocessed by dave: delivered", multiNotAgreed + " DELIVERED");
        assertThat(erpFiles()).hasSize(before.size() + 1);
        assertThat(aval("quarantine", "list").out()).doesNotContain(multiNotAgreed + " ");
    }

    @Test
    @Order(4)
    void discardNeedsAReasonLeavesTheListAndStaysInTheJournalWithWhoAndWhy() {
        Run noReason = aval("quarantine", "discard", badUnz);
        assertThat(noReason.exit()).as(noReason.toString()).isEqualTo(2);
        assertThat(noReason.err()).contains("Missing required option", "--reason");
        Run blankReason = aval("quarantine", "discard", badUnz, "--reason", " ");
        assertThat(blankReason.exit()).as(blankReason.toString()).isEqualTo(2);
        assertThat(blankReason.err()).contains("--reason must say why " + badUnz + " is discarded");
        assertThat(aval("quarantine", "list").out()).contains(badUnz + " ");

        Run discard = aval("quarantine", "discard", badUnz, "--by", "bob", "--reason", "partner resent it corrected as BADUNZ02");
        assertThat(discard.exit()).as(discard.toString()).isZero();
        assertThat(discard.out()).contains(badUnz + " discarded by bob", "the whole interchange, 1 message(s)");
        assertThat(aval("quarantine", "list").out()).doesNotContain(badUnz + " ");

        Run show = aval("quarantine", "show", badUnz);
        assertThat(show.out()).contains(badUnz + "  DISCARDED", "by bob", "partner resent it corrected as BADUNZ02", "UNZ counts 2 messages");
        withJournal(journal -> {
            assertThat(journal.entries(JournalQuery.all())).filteredOn(e -> e.interchangeId().equals(badUnz))
                    .extracting(JournalEntry::status).containsOnly("DISCARDED");
            assertThat(journal.history(id(badUnz))).filteredOn(e -> "DISCARDED".equals(e.status())).singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("bob");
                        assertThat(e.detail()).isEqualTo("partner resent it corrected as BADUNZ02");
                        assertThat(e.at()).isNotNull();
                    });
            return null;
        });

        Run reprocess = aval("quarantine", "reprocess", badUnz);
        assertThat(reprocess.exit()).as(reprocess.toString()).isEqualTo(1);
        assertThat(reprocess.err()).contains(badUnz + " was discarded", "not reprocessed");
        Run discardAgain = aval("quarantine", "discard", badUnz, "--reason", "twice");
        assertThat(discardAgain.exit()).as(discardAgain.toString()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void refusesInOneLineWhileAGatewayHoldsTheDataFolder() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatabaseLockHolder.class.getName(), config().get("aval.db.url"))
                .redirectErrorStream(true).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(said.readLine()).isEqualTo("locked");
            Run list = aval("quarantine", "list");
            assertThat(list.exit()).as(list.toString()).isEqualTo(2);
            assertThat(list.err().strip()).isEqualTo("aval quarantine: a gateway is running on " + data.toAbsolutePath().normalize()
                    + " (its database is locked); stop it first");
            Run reprocess = aval("quarantine", "reprocess", multiNotAgreed);
            assertThat(reprocess.exit()).as(reprocess.toString()).isEqualTo(2);
            assertThat(reprocess.err()).contains("a gateway is running on").doesNotContain("Exception");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    /** A supplier document keeps its transport on the re-run, so it is sent to the partner, not merely archived. */
    @Test
    @Order(8)
    void erpInvoiceForAnUnknownPartyIsSentToThePartnerOnceItsProfileKnowsIt() throws Exception {
        Run reprocess = aval("quarantine", "reprocess", erpInvoice, "--by", "frank");
        assertThat(reprocess.exit()).as(reprocess.toString()).isZero();
        assertThat(reprocess.out()).contains(erpInvoice + " re-run as I-", "reprocessed by frank: delivered", "DELIVERED to ");
        try (Stream<Path> sent = Files.list(data.resolve("outbound/acme"))) {
            List<Path> files = sent.filter(Files::isRegularFile).toList();
            assertThat(files).singleElement().satisfies(f ->
                    assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).contains("INVOIC", "FA-2026-QERP1"));
        }
    }

    /** A message of an archive import goes back to the archive (and the signal tap), never to the ERP. */
    @Test
    @Order(9)
    void messageOfAnArchiveImportIsArchivedNotDeliveredWhenReprocessed() throws Exception {
        List<Path> before = erpFiles();
        Run reprocess = aval("quarantine", "reprocess", archivedNotAgreed, "--by", "gina", "--reason", "D01B agreed");
        assertThat(reprocess.exit()).as(reprocess.toString()).isZero();
        assertThat(reprocess.out()).contains(archivedNotAgreed + " ARCHIVED archive import: recorded, not delivered");
        assertThat(erpFiles()).isEqualTo(before);
        withJournal(journal -> {
            MessageRecord m = journal.message(id(archivedNotAgreed));
            assertThat(m.status().name()).isEqualTo("ARCHIVED");
            assertThat(m.tappedAt()).isNotNull();
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------

    private static Run aval(String... args) {
        return cli.aval(args);
    }

    private static AvalConfig config() {
        return AvalConfig.load(config, data)
                .with("aval.routes", TestGateway.HOME.resolve("routes").toString())
                .with("aval.mappings", mappings.toString());
    }

    private static <T> T withJournal(Function<Journal, T> work) {
        try (Database db = Database.open(config(), List.of())) {
            return work.apply(new Journal(db.entityManagerFactory()));
        }
    }

    private static long id(String entry) {
        return Long.parseLong(entry.substring(2));
    }

    private static List<Path> erpFiles() throws Exception {
        return cli.erpFiles();
    }
}
