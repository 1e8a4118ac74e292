package io.aval.cli;

import io.aval.bench.EdifactBenchmark;
import io.aval.bench.ImportBenchmark;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./aval bench}: stock Smooks EDIFACT reader and writer against Aval's, side by side in this
 * process on one generated corpus after warm-up, then the whole import pipeline end to end.
 */
@Command(name = "bench", description = "Benchmark: stock vs Aval EDIFACT reader/writer (same process, same corpus) and end-to-end import.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    AvalCommand.CommonOptions common = new AvalCommand.CommonOptions();

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Option(names = "--stock-seconds", description = "Measuring time for each stock side (default: ${DEFAULT-VALUE})", defaultValue = "15")
    double stockSeconds;

    @Option(names = "--aval-seconds", description = "Measuring time for each Aval side (default: ${DEFAULT-VALUE})", defaultValue = "5")
    double avalSeconds;

    @Option(names = "--import-interchanges", description = "Interchanges in the import run (default: ${DEFAULT-VALUE})", defaultValue = "500")
    int importInterchanges;

    @Option(names = "--import-per-interchange", description = "ORDERS per interchange in the import run (default: ${DEFAULT-VALUE})", defaultValue = "20")
    int importPerInterchange;

    @Option(names = "--import-accounts", description = "Partners, one account each, the import's interchanges are spread "
            + "over, round robin (default: ${DEFAULT-VALUE}: one account, its interchanges translated on its aval.messages.lanes)",
            defaultValue = "1")
    int importAccounts;

    @Option(names = "--import-warm-up", description = "Interchanges imported first, not measured (default: twelve times --import-interchanges)")
    Integer importWarmUp;

    @Override
    public Integer call() throws Exception {
        EdifactBenchmark.BenchOptions o = new EdifactBenchmark.BenchOptions();
        o.stockSeconds = stockSeconds;
        o.avalSeconds = avalSeconds;
        if (!json) {
            System.err.println("aval bench: reader/writer, stock vs aval (stock side takes a while)…");
        }
        EdifactBenchmark.Result r = new EdifactBenchmark().run(o);
        if (!json) {
            System.err.println("aval bench: end-to-end import through the gateway…");
        }
        ImportBenchmark.Result imp = new ImportBenchmark().run(common.load(), "aval", importInterchanges, importPerInterchange,
                importWarmUp != null ? importWarmUp : ImportBenchmark.defaultWarmUp(importInterchanges), importAccounts);
        if (json) {
            String base = r.toJson();
            System.out.println(base.substring(0, base.length() - 1) + String.format(Locale.ROOT,
                    ", \"importMessagesPerSecond\": %.1f, \"importMessages\": %d, \"importAccounts\": %d, \"importCpuMillisPerMessage\": %.2f, \"gatewayReadySeconds\": %.2f}",
                    imp.messagesPerSecond(), imp.messages(), importAccounts, imp.cpuMillisPerMessage(), imp.readySeconds()));
        } else {
            System.out.print(r.toTable());
            System.out.printf(Locale.ROOT, "%-22s %14s %14.1f   (%d ORDERS, %s, journal + broker + mapping + UBL validation + ERP file + signal tap)%n",
                    "import messages/s", "", imp.messagesPerSecond(), imp.messages(),
                    importAccounts == 1 ? "one account" : importAccounts + " accounts");
            System.out.printf(Locale.ROOT, "%-22s %14s %14.2f   (process CPU, all threads, per message of the measured run)%n",
                    "import CPU ms/message", "", imp.cpuMillisPerMessage());
            System.out.printf(Locale.ROOT, "%-22s %14s %14.2f%n", "gateway ready (s)", "", imp.readySeconds());
        }
        return 0;
    }
}
