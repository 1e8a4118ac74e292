package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aval.testing.Databases;
import io.aval.testing.TestGateway;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw bytes kept as chunks on PostgreSQL (the V70 migration, BYTEA chunks written and read by plain
 * JDBC, the chunk copy of a quarantine reprocess, the rollback of a stream that breaks).
 */
class RawChunksPostgresIT {

    private static final int INLINE = 1000;
    private static final int CHUNK = Journal.CHUNK_BYTES;

    @TempDir
    Path data;

    private String url;

    @AfterEach
    void drop() {
        if (url != null) {
            Databases.dropPostgres(url);
        }
    }

    @Test
    void chunkedBytesComeBackAndAreCopiedOnReprocessOnPostgres() throws Exception {
        url = Databases.freshPostgres();
        try (Database db = Database.open(TestGateway.postgresConfig(data, url), List.of())) {
            Journal journal = new Journal(db.entityManagerFactory(), INLINE);
            byte[] raw = random(5 * CHUNK / 2);
            long id = journal.recordReceived(new ByteArrayInputStream(raw), "test", "pg.edi", ProcessingMode.DELIVER);

            assertStored(db, journal, id, raw, 3);
            byte[] small = random(INLINE);
            assertStored(db, journal, journal.recordReceived(small, "test", "small.edi", ProcessingMode.DELIVER), small, 0);

            journal.settle(id, InterchangeStatus.QUARANTINED, "technical failure: the interchange stage failed on every attempt");
            QuarantineLedger ledger = new QuarantineLedger(db.entityManagerFactory());
            long copy = ledger.reprocessInterchange("I-" + id, "alice", "broker fixed");

            assertStored(db, journal, copy, raw, 3);
            assertThat(journal.interchangeWithoutBytes(copy).reprocessOf()).isEqualTo(id);
            assertThat(ledger.subject("I-" + copy).interchange().rawBytes()).isEqualTo(raw);
            assertStored(db, journal, id, raw, 3);
        }
    }

    @Test
    void aStreamThatBreaksAfterSomeChunksLeavesNothingOnPostgres() throws Exception {
        url = Databases.freshPostgres();
        try (Database db = Database.open(TestGateway.postgresConfig(data, url), List.of())) {
            Journal journal = new Journal(db.entityManagerFactory(), INLINE);
            InputStream breaking = new SequenceInputStream(new GeneratedBytes(2L * CHUNK + 5), new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("connection reset");
                }
            });

            assertThatThrownBy(() -> journal.recordReceived(breaking, "test", "broken.edi", ProcessingMode.DELIVER))
                    .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("connection reset");
            assertThat(count(db, "select count(*) from interchange")).isZero();
            assertThat(count(db, "select count(*) from interchange_chunk")).isZero();
            assertThat(count(db, "select count(*) from message_event")).isZero();
        }
    }

    private static void assertStored(Database db, Journal journal, long id, byte[] raw, int chunks) throws Exception {
        InterchangeRecord header = journal.interchangeWithoutBytes(id);
        assertThat(header.rawChunks()).isEqualTo(chunks);
        assertThat(header.sizeBytes()).isEqualTo(raw.length);
        assertThat(header.sha256()).isEqualTo(RawChunksTest.sha256(raw));
        assertThat(header.rawBytes()).isNull();
        try (InputStream in = journal.openRaw(id)) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
        assertThat(journal.interchange(id).rawBytes()).isEqualTo(raw);
        assertThat(count(db, "select count(*) from interchange_chunk where interchange_id = " + id)).isEqualTo(chunks);
        assertThat(count(db, "select octet_length(raw_bytes) from interchange where id = " + id))
                .isEqualTo(chunks == 0 ? raw.length : 0);
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static byte[] random(int size) {
        byte[] raw = new byte[size];
        new Random(size).nextBytes(raw);
        return raw;
    }
}
