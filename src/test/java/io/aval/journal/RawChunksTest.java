package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aval.testing.TestJournal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Raw bytes over the inline threshold kept as chunks, on H2: what goes in comes back, by stream and
 * whole, with the size and digest of the bytes; a failed stream leaves nothing; a reprocessed copy
 * has the same bytes. The threshold is small here (chunks are {@link Journal#CHUNK_BYTES}, fixed).
 */
class RawChunksTest {

    private static final int INLINE = 1000;
    private static final int CHUNK = Journal.CHUNK_BYTES;

    @TempDir
    static Path data;

    private static TestJournal store;
    private static Journal journal;

    @BeforeAll
    static void open() {
        store = TestJournal.open(data, INLINE);
        journal = store.journal();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, INLINE - 1, INLINE, INLINE + 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 5 * CHUNK / 2})
    void bytesComeBackAsTheyWentInWhateverTheirSize(int size) throws Exception {
        byte[] raw = random(size);
        long id = journal.recordReceived(new ByteArrayInputStream(raw), "test", "size-" + size + ".edi", ProcessingMode.DELIVER);

        int chunks = size <= INLINE ? 0 : (size + CHUNK - 1) / CHUNK;
        assertStored(id, raw, chunks);
        assertThat(journal.history(id)).extracting(MessageEvent::detail)
                .containsExactly(size + " bytes via test (size-" + size + ".edi)");
    }

    @Test
    void byteArraysOverTheThresholdAreChunkedToo() throws Exception {
        byte[] raw = random(5 * CHUNK / 2);
        long id = journal.recordReceived(raw, "test", "array.edi", ProcessingMode.DELIVER);

        assertStored(id, raw, 3);
        byte[] small = random(INLINE);
        assertStored(journal.recordReceived(small, "test", "small.edi", ProcessingMode.DELIVER), small, 0);
    }

    @Test
    void theDefaultThresholdKeepsFourMebibytesInline() throws Exception {
        Journal byDefault = new Journal(store.database().entityManagerFactory());
        byte[] inline = random(Journal.INLINE_RAW_BYTES);
        byte[] chunked = random(Journal.INLINE_RAW_BYTES + 1);

        assertStored(byDefault.recordReceived(new ByteArrayInputStream(inline), "test", null, ProcessingMode.DELIVER), inline, 0);
        assertStored(byDefault.recordReceived(new ByteArrayInputStream(chunked), "test", null, ProcessingMode.DELIVER), chunked, 5);
    }

    @Test
    void openRawReadsByteByByteAndInOddPiecesAcrossChunks() throws Exception {
        byte[] raw = random(5 * CHUNK / 2);
        long id = journal.recordReceived(new ByteArrayInputStream(raw), "test", "odd.edi", ProcessingMode.DELIVER);

        try (InputStream in = journal.openRaw(id)) {
            byte[] read = new byte[raw.length];
            for (int i = 0; i < read.length; i++) {
                int b = in.read();
                assertThat(b).isBetween(0, 255);
                read[i] = (byte) b;
            }
            assertThat(in.read()).isEqualTo(-1);
            assertThat(read).isEqualTo(raw);
        }
        try (InputStream in = journal.openRaw(id)) {
            byte[] piece = new byte[7919];
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            for (int n = in.read(piece, 3, 7000); n != -1; n = in.read(piece, 3, 7000)) {
                read.write(piece, 3, n);
            }
            assertThat(in.read(piece, 0, 10)).isEqualTo(-1);
            assertThat(read.toByteArray()).isEqualTo(raw);
        }
    }

    @Test
    void unknownInterchangesAreNamed() {
        assertThatThrownBy(() -> journal.openRaw(999_999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No interchange 999999 in the journal");
        assertThatThrownBy(() -> journal.interchangeWithoutBytes(999_999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No interchange 999999 in the journal");
        assertThatThrownBy(() -> journal.interchange(999_999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No interchange 999999 in the journal");
    }

    @Test
    void withoutBytesHasEveryFieldButReadsNeitherRawBytesNorChunks() throws Exception {
        byte[] raw = random(5 * CHUNK / 2);
        long id = journal.recordReceived(new ByteArrayInputStream(raw), "as2", "fields.edi", ProcessingMode.ARCHIVE);
        journal.describe(id, new Journal.Envelope(Direction.INBOUND, "acme", "5412345000013", "14", "4012345000009", "ZZ",
                "FIELDS01", "UNOC:3", java.time.LocalDate.of(2026, 11, 27)));
        journal.settle(id, InterchangeStatus.QUARANTINED, "held by the test");
        long inlineId = journal.recordReceived(random(INLINE), "test", "inline.edi", ProcessingMode.DELIVER);
        InterchangeRecord whole = journal.interchange(id);

        List<String> statements = statementsDuring(() -> {
            assertThat(journal.interchangeWithoutBytes(id)).usingRecursiveComparison().ignoringFields("rawBytes").isEqualTo(whole);
            assertThat(journal.interchangeWithoutBytes(id).rawBytes()).isNull();
            assertThat(journal.interchangeWithoutBytes(inlineId).rawBytes()).isNull();
        });

        assertThat(whole.senderQualifier()).isEqualTo("14");
        assertThat(whole.recipientQualifier()).isEqualTo("ZZ");
        assertThat(whole.mode()).isEqualTo(ProcessingMode.ARCHIVE);
        assertThat(whole.status()).isEqualTo(InterchangeStatus.QUARANTINED);
        assertThat(whole.rawChunks()).isEqualTo(3);
        assertThat(statements).anyMatch(s -> s.contains("from interchange "))
                .noneMatch(s -> s.contains("raw_bytes"))
                .noneMatch(s -> s.contains("interchange_chunk"));
        // the check sees a query that does read them
        assertThat(statementsDuring(() -> journal.interchange(id)))
                .anyMatch(s -> s.contains("raw_bytes")).anyMatch(s -> s.contains("interchange_chunk"));
    }

    @Test
    void aStreamThatFailsLeavesNoInterchangeAndNoChunks() throws Exception {
        long[] before = rows();
        for (long failAt : new long[] {10, INLINE + 1, 5L * CHUNK / 2}) {
            InputStream failing = new FailingStream(new GeneratedBytes(4L * CHUNK), failAt);

            assertThatThrownBy(() -> journal.recordReceived(failing, "test", "broken.edi", ProcessingMode.DELIVER))
                    .as("failing at " + failAt)
                    .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class)
                    .hasRootCauseMessage("connection reset after " + failAt + " bytes");
            assertThat(rows()).as("failing at " + failAt).containsExactly(before);
        }
    }

    @Test
    void aReprocessedChunkedInterchangeHasTheSameBytes() throws Exception {
        byte[] raw = random(5 * CHUNK / 2);
        long original = journal.recordReceived(new ByteArrayInputStream(raw), "test", "rerun.edi", ProcessingMode.DELIVER);
        journal.settle(original, InterchangeStatus.QUARANTINED, "technical failure: the interchange stage failed on every attempt");
        QuarantineLedger ledger = new QuarantineLedger(store.database().entityManagerFactory());

        long copy = ledger.reprocessInterchange("I-" + original, "alice", "broker fixed");

        assertStored(copy, raw, 3);
        assertStored(original, raw, 3);
        assertThat(journal.interchangeWithoutBytes(copy).reprocessOf()).isEqualTo(original);
        assertThat(ledger.subject("I-" + copy).interchange().rawBytes()).isEqualTo(raw);
        assertThat(ledger.subject("I-" + original).interchange().rawBytes()).isEqualTo(raw);
        assertThat(rawBytesLength(original)).as("what show put together stays out of raw_bytes").isZero();
    }

    /** Every way of reading the interchange gives {@code raw}, and the rows hold it as {@code chunks} chunks. */
    private static void assertStored(long id, byte[] raw, int chunks) throws Exception {
        InterchangeRecord header = journal.interchangeWithoutBytes(id);
        assertThat(header.rawChunks()).isEqualTo(chunks);
        assertThat(header.chunked()).isEqualTo(chunks > 0);
        assertThat(header.sizeBytes()).isEqualTo(raw.length);
        assertThat(header.sha256()).isEqualTo(sha256(raw));
        assertThat(header.rawBytes()).isNull();
        try (InputStream in = journal.openRaw(id)) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
        InterchangeRecord whole = journal.interchange(id);
        assertThat(whole.rawBytes()).isEqualTo(raw);
        assertThat(whole.rawChunks()).isEqualTo(chunks);
        assertThat(chunkSizes(id)).as("chunk sizes").isEqualTo(expectedChunkSizes(raw.length, chunks));
        assertThat(rawBytesLength(id)).isEqualTo(chunks == 0 ? raw.length : 0);
    }

    private static List<Integer> expectedChunkSizes(int size, int chunks) {
        List<Integer> sizes = new ArrayList<>();
        for (int seq = 0; seq < chunks; seq++) {
            sizes.add(Math.min(CHUNK, size - seq * CHUNK));
        }
        return sizes;
    }

    private static List<Integer> chunkSizes(long id) throws SQLException {
        List<Integer> sizes = new ArrayList<>();
        try (Connection c = store.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select seq, octet_length(bytes) from interchange_chunk where interchange_id = ? order by seq")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getInt(1)).as("seq").isEqualTo(sizes.size());
                    sizes.add(rs.getInt(2));
                }
            }
        }
        return sizes;
    }

    private static long rawBytesLength(long id) throws SQLException {
        try (Connection c = store.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select octet_length(raw_bytes) from interchange where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** Rows of interchange, interchange_chunk and message_event. */
    private static long[] rows() throws SQLException {
        try (Connection c = store.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            long[] out = new long[3];
            String[] tables = {"interchange", "interchange_chunk", "message_event"};
            for (int i = 0; i < tables.length; i++) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + tables[i])) {
                    rs.next();
                    out[i] = rs.getLong(1);
                }
            }
            return out;
        }
    }

    /** The SQL statements H2 ran while {@code work} ran (its query statistics, lower case). */
    private static List<String> statementsDuring(ThrowingRunnable work) throws Exception {
        try (Connection c = store.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS FALSE"); // forgets what was counted so far
            s.execute("SET QUERY_STATISTICS TRUE");
            try {
                work.run();
                List<String> statements = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select sql_statement from information_schema.query_statistics")) {
                    while (rs.next()) {
                        statements.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                    }
                }
                return statements;
            } finally {
                s.execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A stream that breaks after {@code failAt} bytes, as a connection dropped mid-transfer. */
    private static final class FailingStream extends InputStream {
        private final GeneratedBytes in;
        private final long failAt;

        FailingStream(GeneratedBytes in, long failAt) {
            this.in = in;
            this.failAt = failAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = failAt - in.position();
            if (left == 0) {
                throw new IOException("connection reset after " + failAt + " bytes");
            }
            return in.read(b, off, (int) Math.min(len, left));
        }
    }

    private static byte[] random(int size) {
        byte[] raw = new byte[size];
        new Random(size).nextBytes(raw);
        return raw;
    }

    static String sha256(byte[] raw) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    }
}
