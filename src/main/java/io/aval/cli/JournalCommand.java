package io.aval.cli;

import io.aval.journal.Database;
import io.aval.journal.Direction;
import io.aval.journal.Journal;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./aval journal}: one line per message (and per interchange that yielded none). */
@Command(name = "journal", description = "List the message journal.")
final class JournalCommand implements Callable<Integer> {

    @Mixin
    AvalCommand.CommonOptions common = new AvalCommand.CommonOptions();

    @Option(names = "--json", description = "One JSON array of entries")
    boolean json;

    @Option(names = "--status", description = "Only entries in this status (DELIVERED, QUARANTINED, DUPLICATE, ARCHIVED, ACCEPTED, "
            + "and for interchanges sent with a CONTRL request ACKNOWLEDGED, REJECTED, OVERDUE)")
    String status;

    @Option(names = "--partner", description = "Only this partner's entries")
    String partner;

    @Option(names = "--direction", description = "INBOUND or OUTBOUND")
    Direction direction;

    @Override
    public Integer call() throws Exception {
        try (Database db = Database.open(common.load(), List.of())) {
            List<JournalEntry> entries = new Journal(db.entityManagerFactory())
                    .entries(new JournalQuery(status, partner, direction));
            if (json) {
                System.out.println(JsonOutput.of(entries));
            } else {
                System.out.printf("%-8s %-10s %-8s %-8s %-14s %-5s %-16s %-10s %-11s %s%n", "ID", "PARTNER", "DIR", "TYPE",
                        "INTERCHANGE", "MSG", "DOCUMENT", "DATE", "STATUS", "REASON / DELIVERED TO");
                for (JournalEntry e : entries) {
                    System.out.printf("%-8s %-10s %-8s %-8s %-14s %-5s %-16s %-10s %-11s %s%n", e.id(), nz(e.partner()),
                            e.direction(), nz(e.messageType()), nz(e.interchangeRef()), nz(e.messageRef()),
                            nz(e.documentNumber()), e.businessDate() == null ? "" : e.businessDate(), e.status(),
                            e.reason() != null ? e.reason() : nz(e.deliveredTo()));
                }
            }
        }
        return 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
