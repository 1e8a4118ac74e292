package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aval.testing.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's own rules on a real H2 journal, for states the pipeline reaches only on a technical
 * failure: an interchange dead-lettered after it claimed its control reference, one dead-lettered
 * after some of its messages were delivered. One journal for all: each test has its own references.
 */
class QuarantineLedgerTest {

    @TempDir
    static Path data;

    private static Database db;
    private static Journal journal;
    private static QuarantineLedger ledger;

    @BeforeAll
    static void open() {
        db = Database.open(TestGateway.config(data), List.of());
        journal = new Journal(db.entityManagerFactory());
        ledger = new QuarantineLedger(db.entityManagerFactory());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void reprocessedInterchangeTakesOverTheReferenceItsOriginalClaimed() {
        long original = deadLetteredAfterClaim("REF0001");
        long rerun = ledger.reprocessInterchange("I-" + original, "alice", "broker fixed");
        assertThat(journal.referenceHolder("5412345000013", "4012345000009", "REF0001")).isEqualTo(rerun);
        assertThat(journal.claimReference("5412345000013", "4012345000009", "REF0001", rerun)).isTrue();
        assertThat(journal.interchange(rerun).reprocessOf()).isEqualTo(original);
        assertThat(journal.interchange(rerun).rawBytes()).isEqualTo(journal.interchange(original).rawBytes());
        assertThat(journal.interchange(original).status()).isEqualTo(InterchangeStatus.REPROCESSED);
        assertThat(ledger.list(null)).extracting(QuarantineLedger.Item::id).doesNotContain("I-" + original);
    }

    @Test
    void interchangeWithADeliveredMessageIsNotRunAgainAsAWhole() {
        long id = deadLetteredAfterClaim("REF0002");
        long delivered = journal.addMessage(new Journal.NewMessage(id, 1, "acme", Direction.INBOUND, "ORDERS", "D96A",
                "REF0002", "1", "PO-1", null, MessageStatus.ACCEPTED, null, "UNH…"));
        journal.transition(delivered, MessageStatus.DELIVERED, null, "/erp/PO-1.xml");
        assertThatThrownBy(() -> ledger.reprocessInterchange("I-" + id, "alice", null))
                .isInstanceOf(QuarantineLedger.ActionRefused.class)
                .hasMessageContaining("I-" + id + " was partly delivered already (M-" + delivered + " delivered)");
        assertThat(journal.interchange(id).status()).isEqualTo(InterchangeStatus.QUARANTINED);
    }

    @Test
    void discardWithoutAReasonIsRefusedAndChangesNothing() {
        long id = deadLetteredAfterClaim("REF0003");
        assertThatThrownBy(() -> ledger.discard("I-" + id, "bob", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason is required");
        assertThat(journal.interchange(id).status()).isEqualTo(InterchangeStatus.QUARANTINED);
        assertThat(journal.history(id)).extracting(MessageEvent::status).doesNotContain(QuarantineLedger.DISCARD_ACTION);
    }

    @Test
    void entryIdsAreCheckedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> ledger.subject("12")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("M-<n> for a message, I-<n> for an interchange");
        assertThatThrownBy(() -> ledger.subject("I-404")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No interchange I-404 in the journal");
    }

    /** What Quarantine.deadLetter leaves when the interchange stage failed on every attempt after its claim. */
    private long deadLetteredAfterClaim(String ref) {
        long id = journal.recordReceived(("UNB+UNOC:3+5412345000013:14+4012345000009:14+261126:1200+" + ref + "'")
                .getBytes(StandardCharsets.ISO_8859_1), "test", ref + ".edi", ProcessingMode.DELIVER);
        journal.describe(id, new Journal.Envelope(Direction.INBOUND, "acme", "5412345000013", "14", "4012345000009", "14",
                ref, "UNOC:3", null));
        assertThat(journal.claimReference("5412345000013", "4012345000009", ref, id)).isTrue();
        journal.settle(id, InterchangeStatus.QUARANTINED, "technical failure: the interchange stage failed on every delivery attempt");
        return id;
    }
}
