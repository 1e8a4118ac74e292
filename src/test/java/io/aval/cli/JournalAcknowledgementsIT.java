package io.aval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.config.AvalConfig;
import io.aval.journal.AcknowledgementStatus;
import io.aval.journal.Acknowledgements;
import io.aval.journal.Database;
import io.aval.journal.Direction;
import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import io.aval.journal.ProcessingMode;
import io.aval.testing.TestGateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./aval journal --status …} on the acknowledgement states, with no gateway running: an interchange past
 * its CONTRL deadline is OVERDUE on read (the timer has not marked it), one a partner rejected is REJECTED with
 * the partner's reasons, and a CONTRL we had not asked for still settles the interchange it names.
 */
class JournalAcknowledgementsIT {

    @TempDir
    Path data;

    @Test
    void journalCommandListsOverdueAndRejectedOutboundInterchanges() throws Exception {
        AvalConfig config = TestGateway.config(data);
        try (Database db = Database.open(config, List.of())) {
            Journal journal = new Journal(db.entityManagerFactory());
            Acknowledgements acks = new Acknowledgements(db.entityManagerFactory());
            long late = sent(journal, "FA-LATE", "00000000000008");
            acks.expect(late, "acme", "00000000000008", Instant.now().minusSeconds(5));
            long waiting = sent(journal, "FA-WAIT", "00000000000010");
            acks.expect(waiting, "acme", "00000000000010", Instant.now().plusSeconds(3600));
            sent(journal, "FA-UNASKED", "00000000000009");
            assertThat(acks.answer("acme", "00000000000009", AcknowledgementStatus.REJECTED,
                    "partner acme rejected interchange 00000000000009: interchange: 29 control count does not match", late))
                    .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(AcknowledgementStatus.REJECTED));
            assertThat(acks.answer("acme", "00000000000077", AcknowledgementStatus.ACKNOWLEDGED, "x", late)).isEmpty();
        }

        String overdue = run("journal", "--status", "OVERDUE", "--json");
        assertThat(overdue).contains("FA-LATE", "no CONTRL from partner acme for interchange 00000000000008")
                .doesNotContain("FA-WAIT", "FA-UNASKED");
        String rejected = run("journal", "--status", "REJECTED", "--direction", "OUTBOUND");
        assertThat(rejected).contains("FA-UNASKED", "29 control count does not match").doesNotContain("FA-LATE");
        assertThat(run("journal", "--status", "DELIVERED")).contains("FA-WAIT").doesNotContain("FA-LATE", "FA-UNASKED");
    }

    /** An invoice the gateway translated and wrote for acme under interchange reference {@code ref}. */
    private static long sent(Journal journal, String number, String ref) {
        long interchange = journal.recordReceived(number.getBytes(StandardCharsets.UTF_8), "erp", number + ".xml", ProcessingMode.DELIVER);
        long message = journal.addMessage(new Journal.NewMessage(interchange, 1, "acme", Direction.OUTBOUND, "UBL:Invoice",
                "UBL 2.1", null, null, number, LocalDate.of(2026, 11, 26), MessageStatus.ACCEPTED, null, "<Invoice/>"));
        journal.identifyOutbound(message, "INVOIC", "D96A", ref);
        journal.transition(message, MessageStatus.DELIVERED, null, "/tmp/acme-INVOIC-" + ref + ".edi");
        return message;
    }

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 4];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--config";
            all[args.length + 1] = TestGateway.HOME.resolve("config").toString();
            all[args.length + 2] = "--data";
            all[args.length + 3] = data.toString();
            assertThat(new CommandLine(new AvalCommand()).execute(all)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
