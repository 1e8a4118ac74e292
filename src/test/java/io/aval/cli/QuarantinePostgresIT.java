package io.aval.cli;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.aval.cli.QuarantineCli.Run;
import io.aval.config.AvalConfig;
import io.aval.gateway.Gateway;
import io.aval.journal.ProcessingMode;
import io.aval.testing.Databases;
import io.aval.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./aval quarantine} on PostgreSQL (the V40 migration, the pessimistic locks, the reference
 * hand-over): an unknown sender reprocessed after its profile is fixed is delivered once; a
 * discarded entry keeps its history with who and why.
 */
class QuarantinePostgresIT {

    private static final String NEW_IDENTITY = "5412345000037";

    @TempDir
    Path root;

    private String url;

    @AfterEach
    void drop() {
        if (url != null) {
            Databases.dropPostgres(url);
        }
    }

    @Test
    void reprocessDeliversOnceAndDiscardKeepsTheHistoryOnPostgres() throws Exception {
        url = Databases.freshPostgres();
        Path data = Files.createDirectories(root.resolve("data"));
        Path config = QuarantineCli.copyConfig(TestGateway.HOME.resolve("config"), root.resolve("config"),
                "aval.db.url = " + url + "\naval.db.user = postgres\naval.db.password =");
        QuarantineCli cli = new QuarantineCli(config, data);
        String unknown;
        String bad;
        try (Gateway gateway = Gateway.start(AvalConfig.load(config, data)
                .with("aval.routes", TestGateway.HOME.resolve("routes").toString())
                .with("aval.mappings", TestGateway.HOME.resolve("mappings").toString()))) {
            unknown = "I-" + gateway.submit(bytes(interchange(NEW_IDENTITY, "PGNEW001",
                    ordersBody("PO-PG-1", "20261121", "4000862141404", 6))), "test", "pg-new.edi", ProcessingMode.DELIVER);
            bad = "I-" + gateway.submit(bytes(interchange(ACME, "PGBAD001", ordersBody("PO-PG-2", "20261121", "4000862141404", 1))
                    .replace("UNZ+1+PGBAD001", "UNZ+2+PGBAD001")), "test", "pg-bad.edi", ProcessingMode.DELIVER);
            gateway.awaitIdle(Duration.ofMinutes(2));
        }
        assertThat(cli.aval("quarantine", "list").out()).contains(unknown + " ", bad + " ", "2 entries in quarantine");
        String partners = Files.readString(config.resolve("partners.yaml"));
        Files.writeString(config.resolve("partners.yaml"), partners.replace(
                "      - { id: \"ACME\", qualifier: \"ZZ\" }",
                "      - { id: \"ACME\", qualifier: \"ZZ\" }\n      - { id: \"" + NEW_IDENTITY + "\", qualifier: \"14\" }"));

        Run reprocess = cli.aval("quarantine", "reprocess", unknown, "--by", "erin", "--reason", "new GLN of acme");
        assertThat(reprocess.exit()).as(reprocess.toString()).isZero();
        assertThat(reprocess.out()).contains("reprocessed by erin: delivered");
        assertThat(cli.erpFiles()).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).contains("PO-PG-1"));
        assertThat(cli.aval("quarantine", "reprocess", unknown).exit()).isEqualTo(1);

        Run discard = cli.aval("quarantine", "discard", bad, "--by", "erin", "--reason", "test interchange, never meant to be sent");
        assertThat(discard.exit()).isZero();
        Run list = cli.aval("quarantine", "list");
        assertThat(list.out()).contains("0 entries in quarantine");
        assertThat(cli.aval("quarantine", "show", bad).out()).contains(bad + "  DISCARDED", "UNZ counts 2 messages",
                "DISCARDED", "by erin", "test interchange, never meant to be sent");
        assertThat(cli.aval("quarantine", "show", unknown).out()).contains(unknown + "  REPROCESSED", "QUARANTINE_REPROCESSED",
                "by erin", "new GLN of acme");
        assertThat(cli.erpFiles()).hasSize(1);
    }
}
