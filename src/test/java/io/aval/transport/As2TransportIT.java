package io.aval.transport;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aval.config.AvalConfig;
import io.aval.gateway.Gateway;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.journal.MessageEvent;
import io.aval.testing.TestCertificates;
import io.aval.testing.TestGateway;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.as2.api.entity.AS2DispositionType;
import org.apache.camel.component.as2.api.entity.AS2MessageDispositionNotificationEntity;
import org.apache.camel.component.as2.api.entity.MimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartMimeEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AS2 over real loopback sockets, between the real gateway (its AS2 server and its per-partner
 * sender) and Camel AS2 clients and a Camel AS2 server in the test, which play acme's station.
 * Every key and certificate is made for the run ({@link TestCertificates}); the project's
 * partners.yaml gets an {@code as2:} profile for acme naming acme's certificate.
 */
class As2TransportIT {

    private static final char[] KEYSTORE_PASSWORD = "test-only-keystore".toCharArray();
    private static final String AVAL_AS2 = "AVAL-TEST";
    private static final String ACME_AS2 = "ACME-AS2";

    @TempDir
    static Path tmp;

    static TestCertificates.Identity aval;
    static TestCertificates.Identity acme;
    static TestCertificates.Identity mallory;
    static int gatewayAs2Port;
    static int acmeAs2Port;
    static Path data;
    static Gateway gateway;
    static PartnerEndpoints endpoints;
    static CamelContext acmeStation;
    static ProducerTemplate acmeClient;
    static final List<String> receivedByAcme = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        aval = TestCertificates.create("aval-gateway");
        acme = TestCertificates.create("acme-as2");
        mallory = TestCertificates.create("mallory");
        gatewayAs2Port = freePort();
        acmeAs2Port = freePort();

        Path config = AvalConfig.copyFolder(TestGateway.HOME.resolve("config"), tmp.resolve("config"));
        aval.writePkcs12(config.resolve("as2/aval.p12"), "aval", KEYSTORE_PASSWORD);
        acme.writeCertificatePem(config.resolve("as2/acme.pem"));
        Files.writeString(config.resolve("partners.yaml"), Files.readString(config.resolve("partners.yaml")).stripTrailing() + """

                    as2:
                      id: %s
                      certificate: as2/acme.pem
                      url: http://127.0.0.1:%d/as2/receive
                """.formatted(ACME_AS2, acmeAs2Port));
        data = Files.createDirectories(tmp.resolve("data"));
        AvalConfig avalConfig = AvalConfig.load(config, data)
                .with("aval.routes", TestGateway.HOME.resolve("routes").toString())
                .with("aval.mappings", TestGateway.HOME.resolve("mappings").toString())
                .with("aval.http.port", "0")
                .with("aval.as2.keystore", "as2/aval.p12")
                .with("aval.as2.id", AVAL_AS2)
                .with("aval.as2.port", Integer.toString(gatewayAs2Port))
                .with("aval.as2.outbound-poll-ms", "300");
        gateway = TestGateway.start(avalConfig);
        endpoints = PartnerEndpoints.start(gateway,
                name -> name.equals("AVAL_AS2_KEYSTORE_PASSWORD") ? new String(KEYSTORE_PASSWORD) : null);

        acmeStation = new DefaultCamelContext();
        acmeStation.getRegistry().bind("acmeChain", acme.chain());
        acmeStation.getRegistry().bind("acmeKey", acme.key());
        acmeStation.getRegistry().bind("malloryChain", mallory.chain());
        acmeStation.getRegistry().bind("malloryKey", mallory.key());
        acmeStation.getRegistry().bind("avalChain", aval.chain());
        acmeStation.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("as2:server/listen?serverPortNumber=" + acmeAs2Port + "&requestUriPattern=/as2/receive"
                        + "&serverFqdn=acme.test&signingAlgorithm=SHA256WITHRSA&signingCertificateChain=#acmeChain"
                        + "&signingPrivateKey=#acmeKey&decryptingPrivateKey=#acmeKey&validateSigningCertificateChain=#avalChain")
                        .routeId("acme-as2-server")
                        .process(e -> {
                            Object body = e.getMessage().getBody();
                            receivedByAcme.add(body instanceof InputStream in
                                    ? new String(in.readAllBytes(), StandardCharsets.ISO_8859_1) : String.valueOf(body));
                        });
            }
        });
        acmeStation.start();
        acmeClient = acmeStation.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        try {
            if (acmeStation != null) {
                acmeStation.stop();
            }
            if (endpoints != null) {
                endpoints.close();
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Sends {@code edi} to the gateway's AS2 server as acme's station would, and returns the MDN entity. */
    private static Object send(String edi, String fileName, String as2From, String as2To, String signer) {
        return send(edi, fileName, as2From, as2To, signer, "SIGNED_ENCRYPTED");
    }

    private static Object send(String edi, String fileName, String as2From, String as2To, String signer, String structure) {
        String uri = "as2:client/send?inBody=ediMessage&targetHostname=127.0.0.1&targetPortNumber=" + gatewayAs2Port
                + "&requestUri=/as2&subject=Order&from=" + as2From + "&as2From=" + as2From + "&as2To=" + as2To
                + "&as2MessageStructure=" + structure + "&ediMessageContentType=application/edifact"
                + "&ediMessageCharset=ISO-8859-1&signingAlgorithm=SHA256WITHRSA"
                + "&signingCertificateChain=#" + signer + "Chain&signingPrivateKey=#" + signer + "Key"
                + "&encryptingAlgorithm=AES128_CBC&encryptingCertificateChain=#avalChain"
                + "&dispositionNotificationTo=" + as2From + "&signedReceiptMicAlgorithms=sha-256,sha1";
        Map<String, Object> headers = new HashMap<>();
        headers.put("CamelAs2.attachedFileName", fileName);
        return acmeClient.requestBodyAndHeaders(uri, edi, headers);
    }

    /** The disposition of a signed MDN, after checking its signature against the gateway's certificate. */
    private static AS2MessageDispositionNotificationEntity verifiedNotification(Object mdn) {
        assertThat(mdn).as("a signed MDN").isInstanceOf(MultipartSignedEntity.class);
        MultipartSignedEntity signed = (MultipartSignedEntity) mdn;
        assertThat(SigningUtils.isValid(signed, aval.chain())).as("MDN signed with the gateway's key").isTrue();
        assertThat(SigningUtils.isValid(signed, mallory.chain())).isFalse();
        AS2MessageDispositionNotificationEntity n = notification(signed.getSignedDataEntity());
        assertThat(n).as("a disposition notification in the MDN").isNotNull();
        return n;
    }

    private static AS2MessageDispositionNotificationEntity notification(MimeEntity entity) {
        if (entity instanceof AS2MessageDispositionNotificationEntity n) {
            return n;
        }
        if (entity instanceof MultipartMimeEntity multipart) {
            for (int i = 0; i < multipart.getPartCount(); i++) {
                AS2MessageDispositionNotificationEntity n = notification(multipart.getPart(i));
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private static List<JournalEntry> settledFrom(String sourceName) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> gateway.journal().entries(JournalQuery.all()).stream().anyMatch(e -> sourceName.equals(e.source()))
                        && gateway.journal().pendingCount() == 0);
        return gateway.journal().entries(JournalQuery.all()).stream().filter(e -> sourceName.equals(e.source())).toList();
    }

    @Test
    void signedEncryptedOrderFromAcmeIsDeliveredAndAnsweredWithASignedPositiveMdn() {
        String edi = interchange(ACME, "AS2ORD01", ordersBody("PO-AS2-1", "20261124", "4000862141404", 4));
        AS2MessageDispositionNotificationEntity n = verifiedNotification(send(edi, "../../etc/acme order.edi", ACME_AS2, AVAL_AS2, "acme"));
        assertThat(n.getDispositionType()).isEqualTo(AS2DispositionType.PROCESSED);
        assertThat(n.getDispositionModifier()).isNull();

        assertThat(settledFrom("acme_order.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("DELIVERED");
            assertThat(e.partner()).isEqualTo("acme");
            assertThat(e.documentNumber()).isEqualTo("PO-AS2-1");
        });
        long id = Long.parseLong(settledFrom("acme_order.edi").get(0).interchangeId().substring(2));
        assertThat(gateway.journal().interchange(id).transport()).isEqualTo("as2");
    }

    @Test
    void unknownAs2SenderIsRefusedWithANegativeMdnAndJournaled() {
        String edi = interchange(ACME, "AS2UNK01", ordersBody("PO-AS2-U", "20261124", "4000862141404", 1));
        AS2MessageDispositionNotificationEntity n = verifiedNotification(send(edi, "stranger.edi", "STRANGER", AVAL_AS2, "mallory"));
        assertThat(n.getDispositionModifier()).isNotNull();
        assertThat(n.getDispositionModifier().getModifier()).isEqualTo("error: authentication-failed");

        assertThat(settledFrom("stranger.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.reason()).contains("refused on as2", "'STRANGER'", "unknown AS2-From");
        });
    }

    @Test
    void acmeNameWithAnotherKeysSignatureIsRefused() {
        String edi = interchange(ACME, "AS2SIG01", ordersBody("PO-AS2-S", "20261124", "4000862141404", 1));
        AS2MessageDispositionNotificationEntity n = verifiedNotification(send(edi, "forged.edi", ACME_AS2, AVAL_AS2, "mallory"));
        assertThat(n.getDispositionModifier().getModifier()).isEqualTo("error: authentication-failed");

        assertThat(settledFrom("forged.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.reason()).contains("partner acme", "signature does not verify", "CN=acme-as2");
            assertThat(e.documentNumber()).isNull();
        });
    }

    @Test
    void unsignedMessagesAreRefusedWithANegativeMdn() {
        String edi = interchange(ACME, "AS2UNS01", ordersBody("PO-AS2-N", "20261124", "4000862141404", 1));
        // encrypted but not signed: decrypted, then refused by the gateway and journaled
        AS2MessageDispositionNotificationEntity encrypted = verifiedNotification(send(edi, "unsigned.edi", ACME_AS2, AVAL_AS2, "acme", "ENCRYPTED"));
        assertThat(encrypted.getDispositionModifier().getModifier()).isEqualTo("error: insufficient-message-security");
        assertThat(settledFrom("unsigned.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.reason()).contains("partner acme", "not signed");
        });
        // neither signed nor encrypted: Camel AS2 refuses it before it reaches the gateway
        AS2MessageDispositionNotificationEntity plain = verifiedNotification(send(edi, "plain.edi", ACME_AS2, AVAL_AS2, "acme", "PLAIN"));
        assertThat(plain.getDispositionModifier().getModifier()).isEqualTo("error: insufficient-message-security");
    }

    @Test
    void messageForAnotherAs2NameIsRefused() {
        String edi = interchange(ACME, "AS2TO001", ordersBody("PO-AS2-T", "20261124", "4000862141404", 1));
        AS2MessageDispositionNotificationEntity n = verifiedNotification(send(edi, "elsewhere.edi", ACME_AS2, "SOMEONE-ELSE", "acme"));
        assertThat(n.getDispositionModifier().isError()).isTrue();
        assertThat(settledFrom("elsewhere.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.reason()).contains("'SOMEONE-ELSE'", "not this gateway's AS2 name 'AVAL-TEST'");
        });
    }

    @Test
    void interchangeWithoutAnMdnStaysInTheOutboundFolderAndIsSentAgainWhenAcmeIsBack() throws Exception {
        acmeStation.getRouteController().stopRoute("acme-as2-server");
        try {
            dropErpInvoice("FA-2026-AS202", "invoice-as2-retry.xml");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> gateway.journal()
                    .entries(JournalQuery.all()).stream().anyMatch(e -> "invoice-as2-retry.xml".equals(e.source())
                            && e.interchangeRef() != null && "DELIVERED".equals(e.status())));
            JournalEntry sent = gateway.journal().entries(JournalQuery.all()).stream()
                    .filter(e -> "invoice-as2-retry.xml".equals(e.source())).findFirst().orElseThrow();
            long interchangeId = Long.parseLong(sent.interchangeId().substring(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.journal().history(interchangeId).stream()
                    .anyMatch(ev -> "AS2_MDN_FAILED".equals(ev.status())));
            assertThat(gateway.journal().history(interchangeId)).filteredOn(ev -> "AS2_MDN_FAILED".equals(ev.status()))
                    .first().satisfies(ev -> assertThat(ev.detail()).contains("partner acme", "no MDN", "HTTP 404", "kept"));
            try (Stream<Path> waiting = Files.list(data.resolve("outbound/acme"))) {
                assertThat(waiting.map(p -> p.getFileName().toString())).anyMatch(n -> n.contains(sent.interchangeRef()));
            }
        } finally {
            acmeStation.getRouteController().startRoute("acme-as2-server");
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> receivedByAcme.stream().anyMatch(s -> s.contains("FA-2026-AS202")));
        JournalEntry sent = gateway.journal().entries(JournalQuery.all()).stream()
                .filter(e -> "invoice-as2-retry.xml".equals(e.source())).findFirst().orElseThrow();
        long interchangeId = Long.parseLong(sent.interchangeId().substring(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.journal().history(interchangeId).stream()
                .anyMatch(ev -> "AS2_MDN".equals(ev.status())));
        assertThat(receivedByAcme.stream().filter(s -> s.contains("FA-2026-AS202"))).hasSize(1);
    }

    private static void dropErpInvoice(String number, String fileName) throws IOException {
        String ubl = Files.readString(TestGateway.samples().resolve("ubl/invoice-FA-2026-10022.xml"), StandardCharsets.UTF_8)
                .replace("FA-2026-10022", number);
        Path drop = Files.createDirectories(data.resolve("inbound/erp"));
        Files.writeString(drop.resolve(".invoice.tmp"), ubl, StandardCharsets.UTF_8);
        Files.move(drop.resolve(".invoice.tmp"), drop.resolve(fileName));
    }

    @Test
    void erpInvoiceForAcmeIsSentByAs2AndItsSignedMdnIsJournaled() throws Exception {
        dropErpInvoice("FA-2026-AS201", "invoice-as2.xml");

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> receivedByAcme.stream().anyMatch(s -> s.contains("FA-2026-AS201")));
        JournalEntry sent = gateway.journal().entries(JournalQuery.all()).stream()
                .filter(e -> "invoice-as2.xml".equals(e.source())).findFirst().orElseThrow();
        assertThat(sent.messageType()).isEqualTo("INVOIC");
        String received = receivedByAcme.stream().filter(s -> s.contains("FA-2026-AS201")).findFirst().orElseThrow();
        assertThat(received).startsWith("UNA").contains("+" + ACME + ":14+").contains(sent.interchangeRef());

        long interchangeId = Long.parseLong(sent.interchangeId().substring(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.journal().history(interchangeId).stream()
                .map(MessageEvent::status).anyMatch("AS2_MDN"::equals));
        assertThat(gateway.journal().history(interchangeId)).filteredOn(ev -> "AS2_MDN".equals(ev.status()))
                .singleElement().satisfies(ev -> assertThat(ev.detail()).contains("signed MDN processed from " + ACME_AS2));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Stream<Path> archived = Files.list(data.resolve("archive/outbound/acme"))) {
                return archived.anyMatch(p -> p.getFileName().toString().contains(sent.interchangeRef()));
            } catch (IOException e) {
                return false;
            }
        });
    }
}
