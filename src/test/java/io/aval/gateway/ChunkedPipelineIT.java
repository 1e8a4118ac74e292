package io.aval.gateway;

import io.aval.testing.Databases;
import io.aval.testing.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline with every received interchange journaled in chunks ({@code aval.journal.inline-raw-bytes = 0},
 * as interchanges over 4 MiB are) and read back by the intake as a stream, twice: once for the envelope,
 * once for the messages. On PostgreSQL, whose BYTEA is why raw bytes are chunked at all.
 */
class ChunkedPipelineIT extends AbstractPipelineIT {

    @TempDir
    static Path data;

    static String url;
    static Gateway gateway;

    @BeforeAll
    static void start() {
        url = Databases.freshPostgres();
        gateway = TestGateway.start(TestGateway.postgresConfig(data, url).with("aval.journal.inline-raw-bytes", "0"));
    }

    @AfterAll
    static void stop() {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (url != null) {
                Databases.dropPostgres(url);
            }
        }
    }

    @Override
    protected Gateway gateway() {
        return gateway;
    }

    @Override
    protected Path data() {
        return data;
    }

    @org.junit.jupiter.api.Test
    void receivedBytesAreJournaledInChunksAndReadBackUnchanged() throws Exception {
        byte[] raw = java.nio.file.Files.readAllBytes(TestGateway.samples().resolve("desadv-d96a.edi"));
        long id = gateway.submit(raw, "test", "desadv-chunked.edi", io.aval.journal.ProcessingMode.ARCHIVE);
        org.assertj.core.api.Assertions.assertThat(gateway.journal().interchangeWithoutBytes(id).chunked()).isTrue();
        try (java.io.InputStream in = gateway.journal().openRaw(id)) {
            org.assertj.core.api.Assertions.assertThat(in.readAllBytes()).isEqualTo(raw);
        }
    }
}
