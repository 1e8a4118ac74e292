package io.aval.cli;

import io.aval.config.AvalConfig;
import io.aval.crash.LargeInterchangeRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./aval large-interchange}: one interchange of hundreds of megabytes through a gateway with a small heap. */
@Command(name = "large-interchange", description = "Write one interchange of many ORDERS (--megabytes), drop it into a "
        + "gateway running in a child JVM with -Xmx--heap, and wait until the ERP has taken every message. Exit 0 only "
        + "when the journal shows every message delivered.")
final class LargeInterchangeCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Configuration folder (default: config/ next to the launcher)",
            defaultValue = "${sys:aval.home:-.}/config")
    Path config;

    @Option(names = "--megabytes", defaultValue = "200", description = "Size of the interchange in MB (default ${DEFAULT-VALUE})")
    int megabytes;

    @Option(names = "--lines", defaultValue = "200", description = "Article lines per ORDERS message (default ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--heap", defaultValue = "512m", description = "The gateway's -Xmx (default ${DEFAULT-VALUE})")
    String heap;

    @Option(names = {"--work", "--data"}, defaultValue = "target/large-interchange",
            description = "Work folder (the child gateway's data under it), emptied first; only an empty folder or one an "
                    + "earlier run made (default ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--timeout-minutes", defaultValue = "60", description = "How long the messages may take (default ${DEFAULT-VALUE})")
    int timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        AvalConfig c = AvalConfig.load(config, null);
        LargeInterchangeRun.Report report = new LargeInterchangeRun(new LargeInterchangeRun.Settings(
                config.toAbsolutePath().normalize(), c.routesDir().toAbsolutePath(), c.mappingsDir().toAbsolutePath(),
                work.toAbsolutePath().normalize(), megabytes, lines, heap, Duration.ofMinutes(timeoutMinutes), java.util.Map.of()),
                System.out).run();
        report.print(System.out);
        return report.complete() ? 0 : 1;
    }
}
