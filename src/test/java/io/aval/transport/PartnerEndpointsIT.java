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
import io.aval.gateway.Gateway;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.journal.ProcessingMode;
import io.aval.testing.TestGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner endpoints over real loopback sockets, on the real gateway and the project's own
 * {@code partners.yaml}: acme logs in with the password whose hash its
 * {@code {{env:AVAL_PARTNER_ACME_PASSWORD_HASH}}} reference resolves to.
 */
class PartnerEndpointsIT {

    private static final String PASSWORD = "acme-test-password-42";
    private static final int MAX_BODY = 8192;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static Gateway gateway;
    static PartnerEndpoints endpoints;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(TestGateway.config(data)
                .with("aval.http.port", "0")
                .with("aval.http.max-body-bytes", Integer.toString(MAX_BODY)));
        String hash = PasswordHash.create(PASSWORD.toCharArray(), 1000);
        endpoints = PartnerEndpoints.start(gateway,
                name -> name.equals("AVAL_PARTNER_ACME_PASSWORD_HASH") ? hash : null);
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

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String path, String auth, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoints.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoints.baseUri().resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        return JSON.readTree(response.body());
    }

    private static List<JournalEntry> settled(String journalId) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> gateway.journal().pendingCount() == 0);
        return gateway.journal().entries(JournalQuery.all()).stream()
                .filter(e -> e.interchangeId().equals(journalId)).toList();
    }

    @Test
    void restSubmissionByItsSenderIsAcceptedAndDelivered() throws Exception {
        byte[] edi = bytes(interchange(ACME, "REST0001", ordersBody("PO-REST-1", "20261120", "4000862141404", 3)));
        HttpResponse<String> response = post("partners/interchanges", basic("acme", PASSWORD), edi, "application/edifact");
        assertThat(response.statusCode()).isEqualTo(202);
        String id = json(response).get("journalId").asText();
        assertThat(id).matches("I-\\d+");

        List<JournalEntry> entries = settled(id);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("DELIVERED");
            assertThat(e.partner()).isEqualTo("acme");
            assertThat(e.documentNumber()).isEqualTo("PO-REST-1");
        });

        JsonNode status = json(get("partners/interchanges/" + id, basic("acme", PASSWORD)));
        assertThat(status.get("journalId").asText()).isEqualTo(id);
        assertThat(status.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(status.get("messages").get(0).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(status.get("messages").get(0).get("documentNumber").asText()).isEqualTo("PO-REST-1");
    }

    @Test
    void wrongOrMissingPasswordIsRefusedWith401BeforeAnythingIsJournaled() throws Exception {
        long before = gateway.journal().entries(JournalQuery.all()).size();
        byte[] edi = bytes(interchange(ACME, "REST0401", ordersBody("PO-401", "20261120", "4000862141404", 1)));
        HttpResponse<String> wrong = post("partners/interchanges", basic("acme", "not-the-password"), edi, "text/plain");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(json(wrong).get("error").asText()).isEqualTo("unauthorized");
        assertThat(post("partners/interchanges", null, edi, "text/plain").statusCode()).isEqualTo(401);
        assertThat(post("partners/interchanges", basic("nobody", PASSWORD), edi, "text/plain").statusCode()).isEqualTo(401);
        assertThat(get("partners/outbound", basic("acme", "nope")).statusCode()).isEqualTo(401);
        assertThat(gateway.journal().entries(JournalQuery.all())).hasSize((int) before);
    }

    @Test
    void spoofedSenderIsRefusedWith403JournaledAndNeverProcessed() throws Exception {
        byte[] edi = bytes(interchange("9999999999999", "SPOOF01", ordersBody("PO-SPOOF-1", "20261120", "4000862141404", 1)));
        HttpResponse<String> response = post("partners/interchanges", basic("acme", PASSWORD), edi, "application/edifact");
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("sender_mismatch");
        assertThat(body.get("message").asText()).contains("acme", "9999999999999");
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        String id = body.get("journalId").asText();

        List<JournalEntry> entries = settled(id);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.messageType()).isNull(); // no message was split off: it never entered the pipeline
            assertThat(e.reason()).contains("refused on rest", "partner acme", "9999999999999");
        });
        assertThat(gateway.journal().messagesOf(Long.parseLong(id.substring(2)))).isEmpty();

        // the supplier's own identity is no better
        byte[] asSupplier = bytes(interchange(SUPPLIER, "SPOOF02", ordersBody("PO-SPOOF-2", "20261120", "4000862141404", 1)));
        HttpResponse<String> supplier = post("partners/interchanges", basic("acme", PASSWORD), asSupplier, "application/edifact");
        assertThat(supplier.statusCode()).isEqualTo(403);
        assertThat(json(supplier).get("message").asText()).contains("the supplier itself");
    }

    @Test
    void oversizeBodyIsRefusedWith413() throws Exception {
        long before = gateway.journal().entries(JournalQuery.all()).size();
        byte[] big = new byte[MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) 'A');
        HttpResponse<String> response = post("partners/interchanges", basic("acme", PASSWORD), big, "application/edifact");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("message").asText()).contains("limit is " + MAX_BODY);
        assertThat(gateway.journal().entries(JournalQuery.all())).hasSize((int) before);
    }

    @Test
    void partnerSeesOnlyItsOwnInterchanges() throws Exception {
        String other = "I-" + gateway.submit(bytes(interchange("9999999999998", "OTHER01",
                ordersBody("PO-O-1", "20261120", "4000862141404", 1))), "file", "other.edi", ProcessingMode.DELIVER);
        settled(other);
        HttpResponse<String> response = get("partners/interchanges/" + other, basic("acme", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("not_found");
        assertThat(get("partners/interchanges/I-999999", basic("acme", PASSWORD)).statusCode()).isEqualTo(404);
        assertThat(get("partners/interchanges/garbage", basic("acme", PASSWORD)).statusCode()).isEqualTo(404);

        HttpResponse<String> outbound = get("partners/outbound", basic("acme", PASSWORD));
        assertThat(outbound.statusCode()).isEqualTo(200);
        assertThat(json(outbound).get("partner").asText()).isEqualTo("acme");
        assertThat(json(outbound).get("messages").isArray()).isTrue();
    }

    @Test
    void unknownPathsAndMethodsAnswerInJsonWithoutStackTraces() throws Exception {
        for (HttpResponse<String> r : List.of(
                get("partners/nothing-here", basic("acme", PASSWORD)),
                get("partners/interchanges", basic("acme", PASSWORD)),
                get("elsewhere", basic("acme", PASSWORD)))) {
            assertThat(r.statusCode()).as(r.uri().toString()).isBetween(400, 499);
            assertThat(json(r).get("error").asText()).isNotBlank();
            assertThat(r.body()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void soapSubmissionIsAcceptedAndDeliveredAndTheWsdlIsPublished() throws Exception {
        HttpResponse<String> wsdl = get("soap/interchanges?wsdl", null);
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("wsdl:definitions", "submit", "urn:aval:partners:1");

        byte[] edi = bytes(interchange(ACME, "SOAP0001", ordersBody("PO-SOAP-1", "20261121", "4000862141404", 4)));
        HttpResponse<String> response = post("soap/interchanges", basic("acme", PASSWORD), soapSubmit(edi, "soap.edi"),
                "text/xml; charset=UTF-8");
        assertThat(response.statusCode()).isEqualTo(200);
        String id = response.body().replaceAll("(?s).*<journalId>(I-\\d+)</journalId>.*", "$1");
        assertThat(id).matches("I-\\d+");
        assertThat(settled(id)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("DELIVERED");
            assertThat(e.documentNumber()).isEqualTo("PO-SOAP-1");
            assertThat(e.source()).isEqualTo("soap.edi");
        });
    }

    @Test
    void soapSpoofedSenderIsAFaultAndJournaled() throws Exception {
        byte[] edi = bytes(interchange("9999999999997", "SOAPSPF1", ordersBody("PO-SOAP-S", "20261121", "4000862141404", 4)));
        HttpResponse<String> response = post("soap/interchanges", basic("acme", PASSWORD), soapSubmit(edi, "spoof.edi"),
                "text/xml; charset=UTF-8");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Fault", "partner acme", "9999999999997");
        String id = response.body().replaceAll("(?s).*journal (I-\\d+).*", "$1");
        assertThat(settled(id)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.reason()).contains("refused on soap", "partner acme", "9999999999997");
        });
        assertThat(post("soap/interchanges", basic("acme", "wrong"), soapSubmit(edi, "x.edi"), "text/xml").statusCode())
                .isEqualTo(401);
    }

    private static byte[] soapSubmit(byte[] interchange, String fileName) {
        return ("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:p=\"urn:aval:partners:1\">"
                + "<soapenv:Body><p:submit><interchange>" + Base64.getEncoder().encodeToString(interchange)
                + "</interchange><fileName>" + fileName + "</fileName></p:submit></soapenv:Body></soapenv:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
