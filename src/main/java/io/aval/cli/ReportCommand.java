package io.aval.cli;

import io.aval.config.AvalConfig;
import io.aval.journal.Database;
import io.aval.notify.AccountDirectory;
import io.aval.notify.ContributionReport;
import io.aval.notify.NotifyEntities;
import io.aval.signal.SignalEntities;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./aval report ...}: reports for managers. */
@Command(name = "report", description = "Reports for managers.", subcommands = ReportCommand.Contributions.class)
public final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The output formats of a report. */
    public enum Format { html, csv }

    /** {@code ./aval report contributions}: the downstream functions' contribution (signals, useful answers, leads). */
    @Command(name = "contributions",
            description = "Per downstream function and account team: signals by type, useful answers, leads credited.")
    static final class Contributions implements Callable<Integer> {

        @Mixin
        AvalCommand.CommonOptions common = new AvalCommand.CommonOptions();

        @Option(names = "--from", description = "First business date (YYYY-MM-DD; default: the first signal)")
        LocalDate from;

        @Option(names = "--to", description = "Last business date (YYYY-MM-DD; default: the last signal)")
        LocalDate to;

        @Option(names = "--format", defaultValue = "html", description = "html or csv (default: ${DEFAULT-VALUE})")
        Format format;

        @Option(names = {"-o", "--output"}, description = "Write to this file instead of the standard output")
        Path output;

        @Override
        public Integer call() throws Exception {
            AvalConfig config = common.load();
            List<Class<?>> entities = new ArrayList<>(SignalEntities.CLASSES);
            entities.addAll(NotifyEntities.CLASSES);
            try (Database db = Database.open(config, entities)) {
                ContributionReport.Report report = new ContributionReport(db.entityManagerFactory(),
                        AccountDirectory.load(config.configDir().resolve("accounts.yaml"))).compute(from, to);
                String text = format == Format.csv ? report.csv() : report.html();
                if (output != null) {
                    Files.writeString(output, text, StandardCharsets.UTF_8);
                } else {
                    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                    out.print(text);
                    out.flush();
                }
            }
            return 0;
        }
    }
}
