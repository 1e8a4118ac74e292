package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.TestJournal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's batch operations, which translation and the signal tap use per batch of an interchange's messages. */
class JournalBatchTest {

    @TempDir
    static Path data;

    private static TestJournal store;
    private static Journal journal;

    @BeforeAll
    static void open() {
        store = TestJournal.open(data);
        journal = store.journal();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void readsMoreMessagesThanOneStatementMayName() {
        List<Long> ids = store.messages("JB1", 2_500, MessageStatus.ACCEPTED);

        List<Long> newestFirst = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        List<MessageRecord> read = journal.messages(newestFirst);

        assertThat(read).extracting(MessageRecord::id).containsExactlyElementsOf(ids);
        assertThat(journal.messages(List.of(ids.get(0), 999_999_999L))).extracting(MessageRecord::id).containsExactly(ids.get(0));
    }

    @Test
    void deliversABatchInOneGoAndLeavesTerminalMessagesAlone() {
        List<Long> ids = store.messages("JB2", 3, MessageStatus.ACCEPTED);
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
        List<Long> ids = store.messages("JB3", 3, MessageStatus.DELIVERED);

        journal.tappedAll(Map.of(ids.get(0), "tapped", ids.get(2), "tapped: 1 signal(s)"));

        assertThat(journal.tappedAmong(ids)).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(journal.message(ids.get(2)).tapNote()).isEqualTo("tapped: 1 signal(s)");
    }

    @Test
    void notesMoreMessagesThanOneStatementMayNameEachWithItsOwnNote() {
        List<Long> ids = store.messages("JB5", 2_500, MessageStatus.DELIVERED);
        Map<Long, String> notes = new LinkedHashMap<>();
        ids.forEach(id -> notes.put(id, "tapped"));
        notes.put(ids.get(1_700), "tapped: 1 signal(s)");

        journal.tappedAll(notes);

        assertThat(journal.tappedAmong(ids)).hasSize(2_500);
        assertThat(journal.messages(ids)).extracting(MessageRecord::tapNote).containsOnly("tapped", "tapped: 1 signal(s)")
                .filteredOn("tapped: 1 signal(s)"::equals).hasSize(1);
        assertThat(journal.message(ids.get(1_700)).tapNote()).isEqualTo("tapped: 1 signal(s)");
        assertThat(journal.message(ids.get(2_499)).tapNote()).isEqualTo("tapped");
    }

    /** What an import waits on: "anything in progress?" must say what counting says, each kind of work on its own. */
    @Test
    void anythingPendingIsWhatTheCountSays(@TempDir Path own) {
        try (TestJournal fresh = TestJournal.open(own)) {
            Journal journal = fresh.journal();
            assertThat(journal.pendingCount()).isZero();
            assertThat(journal.anyPending()).isFalse();

            List<Long> accepted = fresh.messages("JB4", 2, MessageStatus.ACCEPTED);
            assertThat(journal.pendingCount()).as("the interchange and its two messages").isEqualTo(3);
            assertThat(journal.anyPending()).isTrue();
            journal.settle(journal.message(accepted.get(0)).interchangeId(), InterchangeStatus.ACCEPTED, null);
            assertThat(journal.pendingCount()).as("two messages to translate").isEqualTo(2);
            assertThat(journal.anyPending()).isTrue();
            Map<Long, String> files = new LinkedHashMap<>();
            accepted.forEach(id -> files.put(id, "/erp/M" + id + ".xml"));
            journal.deliveredAll(files);
            assertThat(journal.pendingCount()).as("two messages to tap").isEqualTo(2);
            assertThat(journal.anyPending()).isTrue();
            journal.tappedAll(Map.of(accepted.get(0), "tapped", accepted.get(1), "tapped"));
            assertThat(journal.pendingCount()).isZero();
            assertThat(journal.anyPending()).isFalse();
        }
    }
}
