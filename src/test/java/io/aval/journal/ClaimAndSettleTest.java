package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.TestJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * {@link Journal#claimAndSettle}: the duplicate check, the messages and the settlement of a small interchange in
 * one transaction, and nothing at all recorded when the control reference belongs to another interchange.
 */
class ClaimAndSettleTest {

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
