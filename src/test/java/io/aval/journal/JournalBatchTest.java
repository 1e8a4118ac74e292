package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's batch operations, which translation and the signal tap use per batch of an interchange's messages. */
class JournalBatchTest {

    @TempDir
    static Path data;

    private static Database db;
    private static Journal journal;

    @BeforeAll
    static void open() {
        db = Database.open(TestGateway.config(data), List.of());
        journal = new Journal(db.entityManagerFactory());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void readsMoreMessagesThanOneStatementMayName() {
        List<Long> ids = messages("JB1", 2_500, MessageStatus.ACCEPTED);

        List<Long> newestFirst = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        List<MessageRecord> read = journal.messages(newestFirst);

        assertThat(read).extracting(MessageRecord::id).containsExactlyElementsOf(ids);
        assertThat(journal.messages(List.of(ids.get(0), 999_999_999L))).extracting(MessageRecord::id).containsExactly(ids.get(0));
    }

    @Test
    void deliversABatchInOneGoAndLeavesTerminalMessagesAlone() {
        List<Long> ids = messages("JB2", 3, MessageStatus.ACCEPTED);
        journal.transition(ids.get(1), MessageStatus.QUARANTINED, "rejected by the reader", null);
        Map<Long, String> files = new LinkedHashMap<>();
        ids.forEach(id -> files.put(id, "/erp/M" + id + ".xml"));

        assertThat(journal.deliveredAll(files)).isEqualTo(2);
        assertThat(journal.deliveredAll(files)).isZero();

        assertThat(journal.messages(ids)).extracting(MessageRecord::status)
                .containsExactly(MessageStatus.DELIVERED, MessageStatus.QUARANTINED, MessageStatus.DELIVERED);
        assertThat(journal.message(ids.get(0)).deliveredTo()).isEqualTo("/erp/M" + ids.get(0) + ".xml");
    }

    @Test
    void notesABatchAsTappedAndTellsWhichAre() {
        List<Long> ids = messages("JB3", 3, MessageStatus.DELIVERED);

        journal.tappedAll(Map.of(ids.get(0), "tapped", ids.get(2), "tapped: 1 signal(s)"));

        assertThat(journal.tappedAmong(ids)).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(journal.message(ids.get(2)).tapNote()).isEqualTo("tapped: 1 signal(s)");
    }

    private static List<Long> messages(String ref, int count, MessageStatus status) {
        long interchange = journal.recordReceived(("UNB+UNOC:3+A:14+B:14+261127:0300+" + ref + "'").getBytes(StandardCharsets.ISO_8859_1),
                "test", ref + ".edi", ProcessingMode.DELIVER);
        return journal.addMessages(IntStream.rangeClosed(1, count).mapToObj(seq -> new Journal.NewMessage(interchange, seq, "acme",
                Direction.INBOUND, "ORDERS", "D96A", ref, String.valueOf(seq), "PO-" + ref + "-" + seq, null, status, null,
                "UNH+" + seq + "+ORDERS:D:96A:UN'")).toList());
    }
}
