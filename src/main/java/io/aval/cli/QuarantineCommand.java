package io.aval.cli;

import io.aval.config.AvalConfig;
import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.EnvelopeChecker;
import io.aval.edifact.Finding;
import io.aval.edifact.MessageSlice;
import io.aval.gateway.Gateway;
import io.aval.gateway.Reprocessor;
import io.aval.journal.Database;
import io.aval.journal.InterchangeRecord;
import io.aval.journal.MessageRecord;
import io.aval.journal.QuarantineLedger;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./aval quarantine list|show|reprocess|discard}: the quarantine as something the
 * integration team acts on, every action journaled with who, when and why. Works on the data
 * folder while no gateway runs on it (reprocess starts one, like {@code ./aval import}).
 *
 * <p>Exit codes: 0 done (for reprocess: delivered); 1 refused, the entry is not in quarantine
 * (delivered, discarded, already reprocessed, a duplicate…); 2 usage error, unknown entry, or a
 * gateway running on the data folder; 3 reprocessed but quarantined again (or found a duplicate).
 */
@Command(name = "quarantine", description = "List, inspect, reprocess or discard quarantined journal entries.",
        subcommands = {QuarantineCommand.ListEntries.class, QuarantineCommand.Show.class,
                QuarantineCommand.Reprocess.class, QuarantineCommand.Discard.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (reprocess: delivered)", "1:refused: the entry is not in quarantine (delivered, discarded, reprocessed…)",
                "2:usage error, unknown entry, or a gateway is running on the data folder", "3:reprocessed but quarantined again"})
public final class QuarantineCommand implements Runnable {

    static final int REFUSED = 1;
    static final int UNUSABLE = 2;
    static final int QUARANTINED_AGAIN = 3;

    /** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1): another process holds the file. */
    private static final int H2_DATABASE_IN_USE = 90020;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand shares: the options, the actor, and opening the data folder with a clear refusal. */
    abstract static class Action implements Callable<Integer> {

        @Mixin
        AvalCommand.CommonOptions common = new AvalCommand.CommonOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public final Integer call() throws Exception {
            AvalConfig config = common.load();
            try {
                return act(config);
            } catch (IllegalArgumentException e) {
                err().println("aval quarantine: " + e.getMessage());
                return UNUSABLE;
            } catch (QuarantineLedger.ActionRefused e) {
                err().println("aval quarantine: refused: " + e.getMessage());
                return REFUSED;
            } catch (RuntimeException e) {
                if (databaseInUse(e)) {
                    err().println("aval quarantine: a gateway is running on " + config.dataDir()
                            + " (its database is locked); stop it first");
                    return UNUSABLE;
                }
                throw e;
            } finally {
                out().flush();
                err().flush();
            }
        }

        abstract int act(AvalConfig config) throws Exception;

        /** Runs {@code work} on the journal alone: list, show and discard need no gateway. */
        <T> T withLedger(AvalConfig config, Function<QuarantineLedger, T> work) {
            try (Database db = Database.open(config, List.of())) {
                return work.apply(new QuarantineLedger(db.entityManagerFactory()));
            }
        }
    }

    @Command(name = "list", description = "Entries in quarantine now (discarded and reprocessed ones are not listed).")
    static final class ListEntries extends Action {

        @Option(names = "--json", description = "One JSON array of entries")
        boolean json;

        @Option(names = "--partner", description = "Only this partner's entries")
        String partner;

        @Override
        int act(AvalConfig config) throws Exception {
            List<QuarantineLedger.Item> items = withLedger(config, ledger -> ledger.list(partner));
            if (json) {
                out().println(JsonOutput.of(items));
                return 0;
            }
            String row = "%-8s %-11s %-10s %-7s %-8s %-14s %-16s %-20s %s%n";
            out().printf(row, "ID", "SCOPE", "PARTNER", "IN", "TYPE", "INTERCHANGE", "DOCUMENT", "RECEIVED", "REASON");
            for (QuarantineLedger.Item i : items) {
                out().printf(row, i.id(), i.scope() == QuarantineLedger.Scope.INTERCHANGE ? "interchange" : "message",
                        nz(i.partner()), i.interchangeId(), nz(i.messageType()), nz(i.interchangeRef()),
                        nz(i.documentNumber()), i.receivedAt().truncatedTo(ChronoUnit.SECONDS), nz(i.reason()));
            }
            out().println(items.size() + (items.size() == 1 ? " entry" : " entries") + " in quarantine");
            return 0;
        }
    }

    @Command(name = "show", description = "One entry in full: reason, partner, interchange, segments, history (who, when, why), raw content.")
    static final class Show extends Action {

        private static final int PREVIEW = 240;

        @Parameters(index = "0", paramLabel = "ID", description = "M-<n> (message) or I-<n> (interchange)")
        String id;

        @Option(names = "--raw", description = "Print the whole raw content, not only its first part")
        boolean raw;

        @Override
        int act(AvalConfig config) {
            QuarantineLedger.Subject s = withLedger(config, ledger -> ledger.subject(id));
            print(out(), s, raw);
            return 0;
        }

        static void print(PrintWriter out, QuarantineLedger.Subject s, boolean whole) {
            InterchangeRecord i = s.interchange();
            MessageRecord m = s.message();
            String requested = s.id();
            out.println(requested + "  " + s.status() + "  " + (s.scope() == QuarantineLedger.Scope.MESSAGE
                    ? "(one message of accepted interchange " + s.interchangeEntry() + ": acted on alone)"
                    : "(interchange-level: acted on as a whole, " + s.messages().size() + " message(s))"));
            field(out, "partner", i.partnerId() != null ? i.partnerId()
                    : "unknown" + (i.senderId() == null ? "" : " (sender " + i.senderId() + ")"));
            field(out, "interchange", s.interchangeEntry() + (i.controlRef() == null ? "" : ", reference " + i.controlRef())
                    + ", received " + i.receivedAt() + " via " + i.transport()
                    + (i.sourceName() == null || i.sourceName().isBlank() ? "" : " (" + i.sourceName() + ")")
                    + ", " + i.sizeBytes() + " bytes"
                    + (i.reprocessOf() == null ? "" : ", re-run of I-" + i.reprocessOf()));
            if (m != null) {
                field(out, "message", "M-" + m.id() + ", " + m.seq() + " of " + s.messages().size() + ": " + nz(m.messageType())
                        + " " + nz(m.messageVersion()) + ", reference " + nz(m.messageRef())
                        + (m.documentNumber() == null ? "" : ", document " + m.documentNumber()));
            } else {
                for (MessageRecord each : s.messages()) {
                    field(out, "message", "M-" + each.id() + " " + nz(each.messageType()) + " " + nz(each.messageVersion())
                            + (each.documentNumber() == null ? "" : " " + each.documentNumber()) + " " + each.status());
                }
            }
            field(out, "reason", nz(s.reason()));
            for (String line : segmentDetail(s)) {
                field(out, "segments", line);
            }
            out.println("history");
            for (QuarantineLedger.HistoryLine h : s.history()) {
                out.printf("  %-24s %-6s %-22s %-12s %s%n", h.at().truncatedTo(ChronoUnit.MILLIS), h.entry(),
                        h.status(), h.actor() == null ? "gateway" : "by " + h.actor(), nz(h.detail()));
            }
            String content = m != null && m.rawText() != null ? m.rawText() : text(i.rawBytes());
            String what = m != null && m.rawText() != null ? "message as a standalone interchange" : "interchange as received";
            if (whole || content.length() <= PREVIEW) {
                out.println("raw (" + what + ", " + content.length() + " characters)");
                out.println(content);
            } else {
                out.println("raw (" + what + ", first " + PREVIEW + " of " + content.length() + " characters; --raw for all)");
                out.println(content.substring(0, PREVIEW) + "…");
            }
        }

        /** Where the problem lies, from the journaled bytes checked again now: the envelope and message findings with their segments. */
        private static List<String> segmentDetail(QuarantineLedger.Subject s) {
            byte[] raw = s.interchange().rawBytes();
            if (raw == null || !EnvelopeChecker.looksLikeEdifact(raw)) {
                return List.of("not an EDIFACT interchange: no segments");
            }
            CheckedInterchange checked = new EnvelopeChecker().check(raw);
            List<String> lines = new ArrayList<>();
            if (s.message() == null) {
                checked.findings().forEach(f -> lines.add(describe(f)));
            }
            for (MessageSlice slice : checked.messages()) {
                if (s.message() != null && slice.seq() != s.message().seq()) {
                    continue;
                }
                lines.add("message " + slice.seq() + " (" + slice.reference() + ", " + slice.type() + " " + slice.directory()
                        + "): segments " + slice.firstSegment() + " to " + (slice.firstSegment() + slice.segmentCount() - 1)
                        + (slice.findings().isEmpty() ? "" : ", " + slice.findings().size() + " finding(s)"));
                slice.findings().forEach(f -> lines.add("  " + describe(f)));
            }
            if (lines.isEmpty()) {
                lines.add("no envelope finding in the bytes: the reason above comes from the partner profile, a mapping or a reader");
            }
            return lines;
        }

        private static String describe(Finding f) {
            return (f.segmentPosition() > 0 ? "segment " + f.segmentPosition() + (f.segmentTag() == null ? "" : " " + f.segmentTag()) + ": " : "")
                    + f.kind().description() + (f.detail() == null || f.detail().isBlank() ? "" : " — " + f.detail());
        }

        private static void field(PrintWriter out, String name, String value) {
            out.printf("%-12s %s%n", name, value);
        }

        private static String text(byte[] raw) {
            if (raw == null) {
                return "";
            }
            boolean xml = raw.length > 0 && (raw[0] == '<' || (raw[0] & 0xff) == 0xEF);
            String s = new String(raw, xml ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            StringBuilder out = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                out.append(Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
            return out.toString();
        }
    }

    @Command(name = "reprocess", description = "Run a quarantined entry through the pipeline again (after fixing config/partners.yaml or a mapping) and print the outcome.")
    static final class Reprocess extends Action {

        @Parameters(index = "0", paramLabel = "ID", description = "M-<n> (one message) or I-<n> (a whole interchange)")
        String id;

        @Option(names = "--by", description = "Who reprocesses (default: the OS user)")
        String by = System.getProperty("user.name");

        @Option(names = "--reason", description = "Why, e.g. what was fixed (journaled)")
        String reason;

        @Option(names = "--timeout", description = "Give up waiting for the outcome after this many seconds (default: ${DEFAULT-VALUE})", defaultValue = "300")
        long timeoutSeconds;

        @Override
        int act(AvalConfig config) throws Exception {
            // refuse what is not in quarantine before starting a whole gateway for it
            withLedger(config, ledger -> ledger.requireReprocessable(id));
            try (Gateway gateway = Gateway.start(config)) {
                Reprocessor.Outcome outcome = new Reprocessor(gateway).reprocess(id, by, reason, Duration.ofSeconds(timeoutSeconds));
                out().println(outcome.subject() + (outcome.rerunAs().equals(outcome.subject()) ? "" : " re-run as " + outcome.rerunAs())
                        + " reprocessed by " + by + ": " + (outcome.delivered() ? "delivered" : "not delivered"));
                for (Reprocessor.Result r : outcome.results()) {
                    out().println("  " + r.id() + " " + r.status() + (r.detail() == null ? "" : " " + r.detail()));
                }
                return outcome.delivered() ? 0 : QUARANTINED_AGAIN;
            }
        }
    }

    @Command(name = "discard", description = "Take an entry out of quarantine for good, with a reason; it stays in the journal with its history.")
    static final class Discard extends Action {

        @Parameters(index = "0", paramLabel = "ID", description = "M-<n> (one message) or I-<n> (a whole interchange)")
        String id;

        @Option(names = "--reason", required = true, description = "Why it is discarded (journaled; required)")
        String reason;

        @Option(names = "--by", description = "Who discards (default: the OS user)")
        String by = System.getProperty("user.name");

        @Override
        int act(AvalConfig config) {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("--reason must say why " + id + " is discarded");
            }
            QuarantineLedger.Subject s = withLedger(config, ledger -> ledger.discard(id, by, reason));
            out().println(s.id() + " discarded by " + by + ": " + reason
                    + (s.scope() == QuarantineLedger.Scope.INTERCHANGE && s.messages().size() > 0
                    ? " (the whole interchange, " + s.messages().size() + " message(s))" : ""));
            return 0;
        }
    }

    /** True when the failure is the database file being held by another process (a running gateway). */
    static boolean databaseInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
