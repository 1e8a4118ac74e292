package io.aval.testing;

import io.aval.journal.Database;
import io.aval.journal.Direction;
import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import io.aval.journal.ProcessingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A real journal on a fresh H2 database under {@code data}, for tests of what reads or moves
 * journal entries, with a way to record ORDERS messages from partner acme in a given state.
 */
public final class TestJournal implements AutoCloseable {

    private final Database db;
    private final Journal journal;

    private TestJournal(Database db, int inlineRawBytes) {
        this.db = db;
        this.journal = new Journal(db.entityManagerFactory(), inlineRawBytes);
    }

    public static TestJournal open(Path data) {
        return open(data, Journal.INLINE_RAW_BYTES);
    }

    /** A journal that keeps raw bytes inline only up to {@code inlineRawBytes}, so that small tests get chunks. */
    public static TestJournal open(Path data, int inlineRawBytes) {
        return new TestJournal(Database.open(TestGateway.config(data), List.of()), inlineRawBytes);
    }

    public Journal journal() {
        return journal;
    }

    /** The database under the journal, for a test that checks rows or opens a ledger on it. */
    public Database database() {
        return db;
    }

    /**
     * Records an interchange with control reference {@code ref} holding {@code count} ORDERS messages
     * (documents PO-ref-1, PO-ref-2, …) in state {@code status}; returns their ids in order.
     */
    public List<Long> messages(String ref, int count, MessageStatus status) {
        long interchange = journal.recordReceived(("UNB+UNOC:3+A:14+B:14+261127:0300+" + ref + "'").getBytes(StandardCharsets.ISO_8859_1),
                "test", ref + ".edi", ProcessingMode.DELIVER);
        return journal.addMessages(IntStream.rangeClosed(1, count).mapToObj(seq -> new Journal.NewMessage(interchange, seq, "acme",
                Direction.INBOUND, "ORDERS", "D96A", ref, String.valueOf(seq), "PO-" + ref + "-" + seq, null, status,
                status == MessageStatus.QUARANTINED ? "quarantined by the test" : null, "UNH+" + seq + "+ORDERS:D:96A:UN'")).toList());
    }

    @Override
    public void close() {
        db.close();
    }
}
