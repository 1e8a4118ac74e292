package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.TestJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's batch operations, which the interchange stage, translation and the signal tap use per batch of an
 * interchange's messages; among them {@link Journal#claimAndSettle}: the duplicate check, the messages and the
 * settlement of a small interchange in one transaction, and nothing recorded when the control reference belongs to
 * another interchange.
 */
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

    private static long received(String ref) {
        return journal.recordReceived(("UNB+UNOC:3+5412345000013:14+4012345000009:14+261127:0300+" + ref + "'")
                .getBytes(StandardCharsets.ISO_8859_1), "test", ref + ".edi", ProcessingMode.DELIVER);
    }

    private static Journal.Envelope envelope(String ref) {
        return new Journal.Envelope(Direction.INBOUND, "acme", "5412345000013", "14", "4012345000009", "14", ref, "UNOC:3",
                LocalDate.of(2026, 11, 27));
    }

    private static List<Journal.NewMessage> messages(long interchange, String ref, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(seq -> new Journal.NewMessage(interchange, seq, "acme",
                Direction.INBOUND, "ORDERS", "D96A", ref, String.valueOf(seq), "PO-" + ref + "-" + seq, null,
                MessageStatus.ACCEPTED, null, "UNH+" + seq + "+ORDERS:D:96A:UN'")).toList();
    }

    @Test
    void claimsRecordsAndSettlesInOneGo() {
        long id = received("CS1");

        assertThat(journal.claimAndSettle(messages(id, "CS1", 3), id, envelope("CS1"))).isTrue();

        InterchangeRecord settled = journal.interchangeWithoutBytes(id);
        assertThat(settled.status()).isEqualTo(InterchangeStatus.ACCEPTED);
        assertThat(settled.controlRef()).isEqualTo("CS1");
        assertThat(settled.partnerId()).isEqualTo("acme");
        assertThat(journal.messageSeqs(id)).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(journal.referenceHolder("5412345000013", "4012345000009", "CS1")).isEqualTo(id);
    }

    @Test
    void recordsNothingWhenAnotherInterchangeHoldsTheReference() {
        long first = received("CS2");
        assertThat(journal.describeAndClaim(first, envelope("CS2"))).isTrue();
        long again = received("CS2");

        assertThat(journal.claimAndSettle(messages(again, "CS2", 2), again, envelope("CS2"))).isFalse();

        InterchangeRecord untouched = journal.interchangeWithoutBytes(again);
        assertThat(untouched.status()).isEqualTo(InterchangeStatus.RECEIVED);
        assertThat(untouched.controlRef()).isNull();
        assertThat(journal.messageSeqs(again)).isEmpty();
        assertThat(journal.referenceHolder("5412345000013", "4012345000009", "CS2")).isEqualTo(first);
    }

    @Test
    void theHolderOfTheReferenceMayRunAgain() {
        // an earlier run claimed the reference on its own and recorded the first message, then died
        long id = received("CS3");
        assertThat(journal.describeAndClaim(id, envelope("CS3"))).isTrue();
        journal.addMessages(messages(id, "CS3", 1));

        assertThat(journal.claimAndSettle(messages(id, "CS3", 3).subList(1, 3), id, envelope("CS3"))).isTrue();

        assertThat(journal.interchangeWithoutBytes(id).status()).isEqualTo(InterchangeStatus.ACCEPTED);
        assertThat(journal.messageSeqs(id)).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void ofTwoInterchangesClaimingOneReferenceAtOnceExactlyOneIsRecorded() throws Exception {
        for (int round = 0; round < 10; round++) {
            String ref = "CS4-" + round;
            long a = received(ref);
            long b = received(ref);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> claims = new ArrayList<>();
                for (long id : new long[] {a, b}) {
                    claims.add(two.submit(() -> {
                        start.await();
                        return journal.claimAndSettle(messages(id, ref, 5), id, envelope(ref));
                    }));
                }
                List<Boolean> won = List.of(claims.get(0).get(), claims.get(1).get());
                assertThat(won).as("round %d", round).containsExactlyInAnyOrder(true, false);
                long winner = won.get(0) ? a : b;
                long loser = won.get(0) ? b : a;
                assertThat(journal.referenceHolder("5412345000013", "4012345000009", ref)).isEqualTo(winner);
                assertThat(journal.messageSeqs(winner)).hasSize(5);
                assertThat(journal.messageSeqs(loser)).isEmpty();
                assertThat(journal.interchangeWithoutBytes(loser).status()).isEqualTo(InterchangeStatus.RECEIVED);
            } finally {
                two.shutdownNow();
            }
        }
    }
}
