package io.aval.cli;

import io.aval.config.AvalConfig;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./aval} — the gateway's command line (picocli). */
@Command(name = "aval", mixinStandardHelpOptions = true, version = "aval 0.1",
        description = "Aval EDI/B2B gateway: EDIFACT and UBL between customers and the supplier, with account signals.",
        subcommands = {RunCommand.class, ImportCommand.class, JournalCommand.class, QuarantineCommand.class, SignalsCommand.class, ReportCommand.class, BenchCommand.class, PasswordHashCommand.class, CrashTestCommand.class, LargeInterchangeCommand.class})
public final class AvalCommand implements Runnable {

    /** Options every command takes. */
    public static final class CommonOptions {
        @Option(names = "--config", description = "Configuration folder (default: config/ next to the launcher)", defaultValue = "${sys:aval.home:-.}/config")
        Path config;

        @Option(names = "--data", description = "Data folder: database, broker, drop folders, outbox (default: config's aval.data, i.e. data/)")
        Path data;

        public AvalConfig load() {
            return AvalConfig.load(config, data);
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new AvalCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("aval: " + e.getMessage());
                    if (Boolean.getBoolean("aval.stacktrace")) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 2;
                })
                .execute(args);
        System.exit(code);
    }
}
