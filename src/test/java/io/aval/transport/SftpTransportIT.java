package io.aval.transport;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aval.config.AvalConfig;
import io.aval.gateway.Gateway;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.testing.TestGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP against an embedded Apache MINA SSHD server on loopback: the project's partners.yaml with
 * an {@code sftp:} profile added to acme (the port is only known once the server runs).
 */
class SftpTransportIT {

    private static final String SFTP_PASSWORD = "acme-sftp-secret-7";

    @TempDir
    static Path tmp;

    static SshServer sshd;
    static Path root;
    static Path data;
    static Gateway gateway;
    static PartnerEndpoints endpoints;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createDirectories(tmp.resolve("sftp-root"));
        Files.createDirectories(root.resolve("inbox"));
        Files.createDirectories(root.resolve("outbox"));
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(tmp.resolve("hostkey.ser")));
        sshd.setPasswordAuthenticator((user, password, session) -> "acme".equals(user) && SFTP_PASSWORD.equals(password));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();

        Path config = AvalConfig.copyFolder(TestGateway.HOME.resolve("config"), tmp.resolve("config"));
        Files.writeString(config.resolve("partners.yaml"), Files.readString(config.resolve("partners.yaml")).stripTrailing() + """

                    sftp:
                      host: 127.0.0.1
                      port: %d
                      username: acme
                      password: "{{env:AVAL_PARTNER_ACME_SFTP_PASSWORD}}"
                      inbox: inbox
                      outbox: outbox
                      pollDelayMs: 300
                      hostKeyChecking: false
                """.formatted(sshd.getPort()));
        data = Files.createDirectories(tmp.resolve("data"));
        AvalConfig avalConfig = AvalConfig.load(config, data)
                .with("aval.routes", TestGateway.HOME.resolve("routes").toString())
                .with("aval.mappings", TestGateway.HOME.resolve("mappings").toString())
                .with("aval.http.port", "0")
                // a file over 4 KB is journaled in chunks, as one over 4 MiB is by default: the streamed path
                .with("aval.journal.inline-raw-bytes", "4096");
        gateway = TestGateway.start(avalConfig);
        endpoints = PartnerEndpoints.start(gateway,
                name -> name.equals("AVAL_PARTNER_ACME_SFTP_PASSWORD") ? SFTP_PASSWORD : null);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (endpoints != null) {
                endpoints.close();
            }
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (sshd != null) {
                sshd.stop(true);
            }
        }
    }

    private static List<JournalEntry> entriesFrom(String sourceName) {
        return gateway.journal().entries(JournalQuery.all()).stream()
                .filter(e -> sourceName.equals(e.source())).toList();
    }

    private static List<JournalEntry> settledFrom(String sourceName) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> !entriesFrom(sourceName).isEmpty() && gateway.journal().pendingCount() == 0);
        return entriesFrom(sourceName);
    }

    @Test
    void pollsThePartnersInboxDeliversAndMovesTheFileOnce() throws Exception {
        Files.write(root.resolve("inbox/sftp-order.edi"),
                bytes(interchange(ACME, "SFTP0001", ordersBody("PO-SFTP-1", "20261122", "4000862141404", 6))));
        assertThat(settledFrom("sftp-order.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("DELIVERED");
            assertThat(e.partner()).isEqualTo("acme");
            assertThat(e.documentNumber()).isEqualTo("PO-SFTP-1");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(root.resolve("inbox/sftp-order.edi")));
        try (Stream<Path> done = Files.walk(root.resolve("inbox/.done"))) {
            assertThat(done.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("sftp-order.edi"))).singleElement();
        }
        // several more polls: the file is not taken again
        long polls = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() > polls);
        assertThat(entriesFrom("sftp-order.edi")).hasSize(1);
    }

    @Test
    void aFileLargerThanItsFirstBytesIsStreamedToTheJournalAndEveryMessageDelivered() throws Exception {
        String[][] orders = new String[40][];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = ordersBody("PO-SFTP-BIG-" + (i + 1), "20261122", "4000862141404", 1 + i);
        }
        byte[] edi = bytes(interchange(ACME, "SFTPBIG1", orders));
        assertThat(edi.length).as("more than the first bytes the sender is read from").isGreaterThan(2 * 4096);
        Files.write(root.resolve("inbox/sftp-big.edi"), edi);
        List<JournalEntry> entries = settledFrom("sftp-big.edi");
        assertThat(entries).hasSize(40).allSatisfy(e -> assertThat(e.status()).isEqualTo("DELIVERED"));
        long id = Long.parseLong(entries.get(0).interchangeId().substring(2));
        assertThat(gateway.journal().interchangeWithoutBytes(id).chunked()).isTrue();
        try (java.io.InputStream in = gateway.journal().openRaw(id)) {
            assertThat(in.readAllBytes()).isEqualTo(edi);
        }
    }

    @Test
    void aLargeFileFromAnotherSenderIsRefusedOnItsFirstBytesAndJournaledWhole() throws Exception {
        String[][] orders = new String[40][];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = ordersBody("PO-SFTP-BS-" + (i + 1), "20261122", "4000862141404", 1 + i);
        }
        byte[] edi = bytes(interchange("9999999999996", "SFTPBSP1", orders));
        Files.write(root.resolve("inbox/sftp-big-spoof.edi"), edi);
        assertThat(settledFrom("sftp-big-spoof.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.reason()).contains("refused on sftp", "partner acme", "9999999999996");
            try (java.io.InputStream in = gateway.journal().openRaw(Long.parseLong(e.interchangeId().substring(2)))) {
                assertThat(in.readAllBytes()).isEqualTo(edi);
            }
        });
    }

    @Test
    void fileInAPartnersInboxFromAnotherSenderIsRefusedAndJournaled() throws Exception {
        Files.write(root.resolve("inbox/sftp-spoof.edi"),
                bytes(interchange("9999999999996", "SFTPSPF1", ordersBody("PO-SFTP-S", "20261122", "4000862141404", 1))));
        assertThat(settledFrom("sftp-spoof.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.reason()).contains("refused on sftp", "partner acme", "9999999999996");
        });
    }

    @Test
    void pushesOutboundInterchangesToThePartnersOutbox() throws Exception {
        Path outbound = Files.createDirectories(data.resolve("outbound/acme"));
        byte[] edi = bytes("UNA:+.? 'UNB+UNOC:3+4012345000009:14+5412345000013:14+261122:1200+OUT0001'UNZ+0+OUT0001'");
        Files.write(outbound.resolve("desadv-OUT0001.edi"), edi);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(root.resolve("outbox/desadv-OUT0001.edi")));
        assertThat(Files.readAllBytes(root.resolve("outbox/desadv-OUT0001.edi"))).isEqualTo(edi);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(data.resolve("archive/outbound/acme/desadv-OUT0001.edi")));
        try (Stream<Path> left = Files.list(root.resolve("outbox"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("desadv-OUT0001.edi");
        }
    }
}
