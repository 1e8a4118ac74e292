package io.aval.cli;

import io.aval.journal.Database;
import io.aval.signal.Signal;
import io.aval.signal.SignalEntities;
import io.aval.signal.SignalStore;
import io.aval.signal.SignalType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./aval signals}: the account signals detected so far, by business date. */
@Command(name = "signals", description = "List detected account signals.")
final class SignalsCommand implements Callable<Integer> {

    @Mixin
    AvalCommand.CommonOptions common = new AvalCommand.CommonOptions();

    @Option(names = "--json", description = "One JSON array of signals")
    boolean json;

    @Option(names = "--account", description = "Only this account's signals")
    String account;

    @Option(names = "--type", description = "Only this type (${COMPLETION-CANDIDATES})")
    SignalType type;

    @Override
    public Integer call() throws Exception {
        try (Database db = Database.open(common.load(), SignalEntities.CLASSES)) {
            List<Signal> signals = new SignalStore(db.entityManagerFactory()).list(account, type);
            if (json) {
                System.out.println(JsonOutput.of(signals.stream().map(SignalsCommand::asMap).toList()));
            } else {
                System.out.printf("%-6s %-10s %-24s %-8s %-9s %-12s %s%n", "ID", "DATE", "TYPE", "SEVERITY", "FUNCTION", "ACCOUNT", "SUMMARY");
                for (Signal s : signals) {
                    System.out.printf("%-6s %-10s %-24s %-8s %-9s %-12s %s%n", s.id(), s.businessDate(), s.type(), s.severity(),
                            s.function(), s.accountId(), s.summary());
                }
            }
        }
        return 0;
    }

    static Map<String, Object> asMap(Signal s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("type", s.type());
        m.put("account", s.accountId());
        m.put("severity", s.severity());
        m.put("businessDate", s.businessDate());
        m.put("function", s.function());
        m.put("summary", s.summary());
        m.put("evidence", s.evidence());
        m.put("sourceDocument", s.sourceDocument());
        m.put("sourceJournalId", s.sourceJournalId());
        return m;
    }
}
