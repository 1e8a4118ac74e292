package io.aval.transport;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.SUPPLIER;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aval.config.AvalConfig;
import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.ContrlBuilder;
import io.aval.edifact.ContrlReport;
import io.aval.edifact.EnvelopeChecker;
import io.aval.gateway.Gateway;
import io.aval.journal.Direction;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.journal.ProcessingMode;
import io.aval.testing.TestGateway;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /partners/outbound/{id}}, the acknowledgement state in {@code GET /partners/outbound}
 * and the public {@code /partners/openapi.yaml}, over real loopback HTTP on a real gateway. The
 * partners are those of {@code partners-two-way.yaml} (acme asks for a CONTRL within an hour on
 * what we send it, bricoplus within two seconds), each given a REST log-in.
 */
class PartnerOutboundIT {

    private static final String BRICO = "3012345000016";
    private static final String ACME_PASSWORD = "acme-outbound-pw-1";
    private static final String BRICO_PASSWORD = "brico-outbound-pw-2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static Gateway gateway;
    static PartnerEndpoints endpoints;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(config());
        String acme = PasswordHash.create(ACME_PASSWORD.toCharArray(), 1000);
        String brico = PasswordHash.create(BRICO_PASSWORD.toCharArray(), 1000);
        endpoints = PartnerEndpoints.start(gateway, name -> switch (name) {
            case "ACME_HASH" -> acme;
            case "BRICO_HASH" -> brico;
            default -> null;
        });
    }

    /** The project's config/ with partners-two-way.yaml, its acme and bricoplus given credentials. */
    private static AvalConfig config() throws Exception {
        Path config = AvalConfig.copyFolder(TestGateway.HOME.resolve("config"), data.resolve("config"));
        String partners = Files.readString(TestGateway.HOME.resolve("src/test/resources/gateway/partners-two-way.yaml"))
                .replace("    account: ACME\n", "    account: ACME\n    credentials: { passwordHash: \"{{env:ACME_HASH}}\" }\n")
                .replace("    account: BRICOPLUS\n", "    account: BRICOPLUS\n    credentials: { passwordHash: \"{{env:BRICO_HASH}}\" }\n");
        assertThat(partners).contains("{{env:ACME_HASH}}", "{{env:BRICO_HASH}}");
        Files.writeString(config.resolve("partners.yaml"), partners);
        return AvalConfig.load(config, data)
                .with("aval.routes", TestGateway.HOME.resolve("routes").toString())
                .with("aval.mappings", TestGateway.HOME.resolve("mappings").toString())
                .with("aval.http.port", "0");
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

    private static String acme() {
        return basic("acme", ACME_PASSWORD);
    }

    private static String brico() {
        return basic("bricoplus", BRICO_PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> get(String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoints.baseUri().resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        return JSON.readTree(response.body());
    }

    private static void settle() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> gateway.journal().pendingCount() == 0);
    }

    /** An ERP invoice for {@code buyer} through the outbound flow; returns its delivered journal entry. */
    private static JournalEntry sendInvoice(String number, String buyer) throws Exception {
        String ubl = Files.readString(TestGateway.samples().resolve("ubl/invoice-FA-2026-10022.xml"), StandardCharsets.UTF_8)
                .replace("FA-2026-10022", number).replace(ACME, buyer);
        gateway.submit(ubl.getBytes(StandardCharsets.UTF_8), "erp", number + ".xml", ProcessingMode.DELIVER);
        settle();
        JournalEntry e = outboundEntry(number);
        assertThat(e.status()).as(e.reason()).isEqualTo("DELIVERED");
        return e;
    }

    private static JournalEntry outboundEntry(String documentNumber) {
        return gateway.journal().entries(new JournalQuery(null, null, Direction.OUTBOUND)).stream()
                .filter(e -> documentNumber.equals(e.documentNumber())).findFirst()
                .orElseThrow(() -> new AssertionError("no outbound message " + documentNumber));
    }

    /** The list entry of {@code journalId} in the caller's GET /partners/outbound. */
    private static JsonNode listed(String auth, String journalId) throws Exception {
        HttpResponse<byte[]> list = get("partners/outbound", auth);
        assertThat(list.statusCode()).isEqualTo(200);
        for (JsonNode m : json(list).get("messages")) {
            if (m.get("id").asText().equals(journalId)) {
                return m;
            }
        }
        throw new AssertionError(journalId + " not in the outbound list: " + new String(list.body(), StandardCharsets.UTF_8));
    }

    @Test
    void partnerFetchesItsOutboundInterchangeAndFollowsItsAcknowledgement() throws Exception {
        JournalEntry sent = sendInvoice("FA-REST-0001", ACME);

        JsonNode entry = listed(acme(), sent.id());
        assertThat(entry.get("messageType").asText()).isEqualTo("INVOIC");
        assertThat(entry.get("interchangeRef").asText()).isEqualTo(sent.interchangeRef());
        assertThat(entry.get("acknowledgement").asText()).isEqualTo("AWAITED");

        HttpResponse<byte[]> file = get("partners/outbound/" + sent.id(), acme());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/edifact"));
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains(entry.get("fileName").asText()));
        assertThat(file.body()).isEqualTo(Files.readAllBytes(Path.of(sent.deliveredTo())));
        CheckedInterchange back = new EnvelopeChecker().check(file.body());
        assertThat(back.findings()).isEmpty();
        assertThat(back.header().controlRef()).isEqualTo(sent.interchangeRef());
        assertThat(back.header().recipientId()).isEqualTo(ACME);
        assertThat(back.messages()).singleElement().satisfies(m -> assertThat(m.documentNumber()).isEqualTo("FA-REST-0001"));

        // acme's CONTRL accepting it, submitted over REST like any interchange of acme's
        byte[] contrl = new ContrlBuilder().build(ContrlReport.acceptance(SUPPLIER, "14", ACME, "14", sent.interchangeRef(),
                "UNOC", 3), "RC1");
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(endpoints.baseUri().resolve("partners/interchanges"))
                .header("Authorization", acme()).header("Content-Type", "application/edifact")
                .POST(HttpRequest.BodyPublishers.ofByteArray(contrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        settle();
        JsonNode after = listed(acme(), sent.id());
        assertThat(after.get("acknowledgement").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(after.get("status").asText()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void anotherPartnersOutboundIdIsNotFoundAndLeaksNothing() throws Exception {
        JournalEntry bricos = sendInvoice("FA-REST-BRICO", BRICO);
        assertThat(bricos.partner()).isEqualTo("bricoplus");

        HttpResponse<byte[]> probed = get("partners/outbound/" + bricos.id(), acme());
        assertThat(probed.statusCode()).isEqualTo(404);
        JsonNode error = json(probed);
        assertThat(error.get("error").asText()).isEqualTo("not_found");
        assertThat(new String(probed.body(), StandardCharsets.UTF_8))
                .doesNotContain("FA-REST-BRICO", bricos.interchangeRef(), "bricoplus", "UNB");

        // an unknown id, a malformed one and one of acme's own inbound messages answer the same
        long inbound = gateway.submit(bytes(interchange(ACME, "OUTB404", ordersBody("PO-OUTB-404", "20261120", "4000862141404", 1))),
                "test", "in.edi", ProcessingMode.DELIVER);
        settle();
        String inboundMessage = gateway.journal().entries(JournalQuery.all()).stream()
                .filter(e -> e.interchangeId().equals("I-" + inbound)).findFirst().orElseThrow().id();
        for (String id : new String[] {"M-999999", "I-1", "garbage", inboundMessage}) {
            HttpResponse<byte[]> r = get("partners/outbound/" + id, acme());
            assertThat(r.statusCode()).as(id).isEqualTo(404);
            assertThat(json(r).get("error").asText()).as(id).isEqualTo("not_found");
        }

        // its own partner gets it, and sees the two-second deadline pass without a CONTRL
        HttpResponse<byte[]> own = get("partners/outbound/" + bricos.id(), brico());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(Files.readAllBytes(Path.of(bricos.deliveredTo())));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(listed(brico(), bricos.id()).get("acknowledgement").asText()).isEqualTo("OVERDUE"));
    }

    @Test
    void sentFileIsFoundInTheArchiveAndAGoneOneIsNamed() throws Exception {
        JournalEntry sent = sendInvoice("FA-REST-0003", ACME);
        Path written = Path.of(sent.deliveredTo());
        byte[] original = Files.readAllBytes(written);

        // what the SFTP and AS2 senders do with a file once sent
        Path archived = Files.createDirectories(data.resolve("archive/outbound/acme")).resolve(written.getFileName());
        Files.move(written, archived);
        HttpResponse<byte[]> fromArchive = get("partners/outbound/" + sent.id(), acme());
        assertThat(fromArchive.statusCode()).isEqualTo(200);
        assertThat(fromArchive.body()).isEqualTo(original);

        Files.delete(archived);
        HttpResponse<byte[]> gone = get("partners/outbound/" + sent.id(), acme());
        assertThat(gone.statusCode()).isEqualTo(404);
        JsonNode error = json(gone);
        assertThat(error.get("error").asText()).isEqualTo("file_gone");
        assertThat(error.get("message").asText()).contains(sent.id(), sent.interchangeRef(), "acme");
    }

    @Test
    void contrlReplyIsServedFromTheJournalEvenWhenItsFileIsGone() throws Exception {
        // UNB 0031 = 1: acme asks for a CONTRL, which the gateway journals byte for byte and writes
        String edi = interchange(ACME, "OUTC0001", ordersBody("PO-OUTC-1", "20261120", "4000862141404", 2))
                .replace("+OUTC0001'UNH", "+OUTC0001++++1'UNH");
        gateway.submit(bytes(edi), "test", "asks-contrl.edi", ProcessingMode.DELIVER);
        settle();
        JournalEntry reply = gateway.journal().entries(new JournalQuery(null, "acme", Direction.OUTBOUND)).stream()
                .filter(e -> "CONTRL".equals(e.messageType()) && "OUTC0001".equals(e.documentNumber()))
                .findFirst().orElseThrow(() -> new AssertionError("no CONTRL sent to acme for OUTC0001"));
        byte[] journaled = gateway.journal().interchange(Long.parseLong(reply.interchangeId().substring(2))).rawBytes();
        Files.delete(Path.of(reply.deliveredTo()));

        assertThat(listed(acme(), reply.id()).get("messageType").asText()).isEqualTo("CONTRL");
        HttpResponse<byte[]> file = get("partners/outbound/" + reply.id(), acme());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(journaled);
        assertThat(new String(file.body(), StandardCharsets.ISO_8859_1)).contains("UNH+1+CONTRL", "OUTC0001");
    }

    @Test
    void openApiDescriptionIsReadableWithoutLogInAndNothingElseIs() throws Exception {
        HttpResponse<byte[]> description = get("partners/openapi.yaml", null);
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("yaml"));
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(description.body());
        assertThat(yaml.get("openapi").asText()).startsWith("3.");
        assertThat(yaml.get("paths").has("/outbound/{id}")).isTrue();

        assertThat(get("partners/outbound", null).statusCode()).isEqualTo(401);
        assertThat(get("partners/outbound/M-1", null).statusCode()).isEqualTo(401);
        // only reading it is public
        assertThat(http.send(HttpRequest.newBuilder(endpoints.baseUri().resolve("partners/openapi.yaml"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }
}
