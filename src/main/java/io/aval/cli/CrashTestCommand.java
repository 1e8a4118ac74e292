package io.aval.cli;

import io.aval.config.AvalConfig;
import io.aval.crash.CrashReport;
import io.aval.crash.CrashTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./aval crash-test}: kill the gateway with SIGKILL while it works, restart it, count what came out. */
@Command(name = "crash-test", description = "Feed interchanges (file drop and HTTP) to a gateway in a child JVM, kill it "
        + "with SIGKILL at random moments, restart it, and count: accepted = delivered exactly once + quarantined. "
        + "Exit 0 only with no duplicate and nothing missing.")
final class CrashTestCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Configuration folder (default: config/ next to the launcher)",
            defaultValue = "${sys:aval.home:-.}/config")
    Path config;

    @Option(names = "--interchanges", defaultValue = "200", description = "Interchanges to feed (default ${DEFAULT-VALUE})")
    int interchanges;

    @Option(names = "--kills", defaultValue = "5", description = "SIGKILLs, each followed by a restart (default ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the inputs and of the kill moments (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"--work", "--data"}, defaultValue = "target/crash-test",
            description = "Work folder (the child gateway's data under it), emptied first; only an empty folder or one an earlier crash test made (default ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--no-http", description = "File drop only")
    boolean noHttp;

    @Option(names = "--settle-minutes", defaultValue = "20", description = "How long the last run may take to finish (default ${DEFAULT-VALUE})")
    int settleMinutes;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A setting for the child gateway, e.g. "
            + "aval.journal.inline-raw-bytes=0 to journal every interchange in chunks (repeatable)")
    java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        AvalConfig c = AvalConfig.load(config, null);
        CrashReport report = new CrashTest(new CrashTest.Settings(config.toAbsolutePath().normalize(), c.routesDir().toAbsolutePath(),
                c.mappingsDir().toAbsolutePath(), work.toAbsolutePath().normalize(), interchanges, kills, seed, !noHttp,
                Duration.ofMinutes(settleMinutes), settings), System.out).run();
        report.print(System.out);
        return report.exactlyOnce() ? 0 : 1;
    }
}
