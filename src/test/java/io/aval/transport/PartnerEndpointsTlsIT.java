package io.aval.transport;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aval.gateway.Gateway;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.testing.TestCertificates;
import io.aval.testing.TestGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner endpoints served over TLS with a keystore made for the run, and the SOAP service's
 * WS-Security UsernameToken log-in, over real loopback sockets on the real gateway and the
 * project's own partners.yaml (acme's password hash from its {@code {{env:…}}} reference).
 */
class PartnerEndpointsTlsIT {

    private static final String PASSWORD = "acme-tls-password-17";
    private static final char[] KEYSTORE_PASSWORD = "test-only-tls".toCharArray();
    private static final Pattern JOURNAL_ID = Pattern.compile("<journalId>(I-\\d+)</journalId>");

    @TempDir
    static Path tmp;

    static Gateway gateway;
    static PartnerEndpoints endpoints;
    static HttpClient https;
    static final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        TestCertificates.Identity server = TestCertificates.create("localhost");
        Path keystore = server.writePkcs12(tmp.resolve("tls/endpoints.p12"), "endpoints", KEYSTORE_PASSWORD);
        gateway = TestGateway.start(TestGateway.config(tmp.resolve("data"))
                .with("aval.http.port", "0")
                .with("aval.http.tls.keystore", keystore.toString()));
        String hash = PasswordHash.create(PASSWORD.toCharArray(), 1000);
        endpoints = PartnerEndpoints.start(gateway, name -> switch (name) {
            case "AVAL_PARTNER_ACME_PASSWORD_HASH" -> hash;
            case "AVAL_HTTP_TLS_KEYSTORE_PASSWORD" -> new String(KEYSTORE_PASSWORD);
            default -> null;
        });
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("endpoints", server.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        try {
            if (endpoints != null) {
                endpoints.close();
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    private static HttpResponse<String> post(HttpClient client, URI uri, String basicAuth, byte[] body, String type)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JournalEntry> settledFrom(String sourceName) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> gateway.journal().entries(JournalQuery.all()).stream().anyMatch(e -> sourceName.equals(e.source()))
                        && gateway.journal().pendingCount() == 0);
        return gateway.journal().entries(JournalQuery.all()).stream().filter(e -> sourceName.equals(e.source())).toList();
    }

    /** A SOAP submit with a WS-Security UsernameToken header ({@code passwordType} Text or Digest), or none when user is null. */
    private static byte[] soapSubmit(byte[] interchange, String fileName, String user, String password, String passwordType) {
        String security = user == null ? "" : """
                <soapenv:Header><wsse:Security soapenv:mustUnderstand="1" \
                xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">\
                <wsse:UsernameToken><wsse:Username>%s</wsse:Username>\
                <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#Password%s">%s</wsse:Password>\
                </wsse:UsernameToken></wsse:Security></soapenv:Header>""".formatted(user, passwordType, password);
        return ("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:p=\"urn:aval:partners:1\">"
                + security + "<soapenv:Body><p:submit><interchange>" + Base64.getEncoder().encodeToString(interchange)
                + "</interchange><fileName>" + fileName + "</fileName></p:submit></soapenv:Body></soapenv:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void restSubmissionOverHttpsIsAcceptedAndDelivered() throws Exception {
        assertThat(endpoints.baseUri().getScheme()).isEqualTo("https");
        byte[] edi = bytes(interchange(ACME, "TLS00001", ordersBody("PO-TLS-1", "20261125", "4000862141404", 2)));
        HttpResponse<String> response = https.send(HttpRequest.newBuilder(endpoints.baseUri().resolve("partners/interchanges"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("acme:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("X-Aval-File-Name", "tls-order.edi")
                .POST(HttpRequest.BodyPublishers.ofByteArray(edi)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(settledFrom("tls-order.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("DELIVERED");
            assertThat(e.documentNumber()).isEqualTo("PO-TLS-1");
        });
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() {
        URI plainUri = URI.create("http://127.0.0.1:" + endpoints.port() + "/partners/outbound");
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(plainUri).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("acme:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void soapSubmissionWithAUsernameTokenIsAcceptedAndDelivered() throws Exception {
        byte[] edi = bytes(interchange(ACME, "WSS00001", ordersBody("PO-WSS-1", "20261125", "4000862141404", 3)));
        HttpResponse<String> response = post(https, endpoints.baseUri().resolve("soap/interchanges"), null,
                soapSubmit(edi, "wss-order.edi", "acme", PASSWORD, "Text"), "text/xml");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher id = JOURNAL_ID.matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        assertThat(settledFrom("wss-order.edi")).singleElement().satisfies(e -> {
            assertThat(e.interchangeId()).isEqualTo(id.group(1));
            assertThat(e.status()).isEqualTo("DELIVERED");
            assertThat(e.partner()).isEqualTo("acme");
        });
    }

    @Test
    void soapWithAWrongOrMissingUsernameTokenIsAFaultAndNothingIsJournaled() throws Exception {
        byte[] edi = bytes(interchange(ACME, "WSS00002", ordersBody("PO-WSS-2", "20261125", "4000862141404", 1)));
        URI soap = endpoints.baseUri().resolve("soap/interchanges");
        HttpResponse<String> wrong = post(https, soap, null, soapSubmit(edi, "wss-wrong.edi", "acme", "not-the-password", "Text"), "text/xml");
        HttpResponse<String> unknown = post(https, soap, null, soapSubmit(edi, "wss-unknown.edi", "nobody", PASSWORD, "Text"), "text/xml");
        HttpResponse<String> digest = post(https, soap, null, soapSubmit(edi, "wss-digest.edi", "acme", "AAAA", "Digest"), "text/xml");
        HttpResponse<String> none = post(https, soap, null, soapSubmit(edi, "wss-none.edi", null, null, null), "text/xml");
        for (HttpResponse<String> r : List.of(wrong, unknown, digest, none)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(500);
            assertThat(r.body()).contains("Fault").doesNotContain("journalId");
        }
        // a Basic log-in with a wrong password is still refused before SOAP
        assertThat(post(https, soap, "acme:wrong", soapSubmit(edi, "wss-basic.edi", null, null, null), "text/xml").statusCode())
                .isEqualTo(401);
        assertThat(gateway.journal().entries(JournalQuery.all())).noneMatch(e -> e.source() != null && e.source().startsWith("wss-")
                && !e.source().equals("wss-order.edi"));
    }
}
