package io.aval.cli;

import io.aval.edifact.BusinessDateProbe;
import io.aval.gateway.Gateway;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.journal.ProcessingMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./aval import DIR}: every file under DIR through the same pipeline as live traffic, in
 * business-date order, then a summary. Exit 0 once everything is processed (delivered,
 * quarantined or duplicate alike: each has its journal entry).
 */
@Command(name = "import", description = "Feed every interchange under DIR through the pipeline, in business-date order.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    AvalCommand.CommonOptions common = new AvalCommand.CommonOptions();

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of interchanges (searched recursively)")
    Path dir;

    @Option(names = "--archive", description = "Record and tap without delivering anything (backfilling history)")
    boolean archive;

    @Option(names = "--notify", negatable = true, defaultValue = "true",
            description = "Send the reps' alerts and digests day by day as the import moves through business dates (default: on; --no-notify for a silent backfill)")
    boolean notify;

    @Option(names = "--timeout", description = "Give up waiting after this many seconds (default: ${DEFAULT-VALUE})", defaultValue = "3600")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            System.err.println("aval import: " + dir + " is not a folder");
            return 2;
        }
        List<Path> files = ordered(dir);
        long started = System.nanoTime();
        try (Gateway gateway = Gateway.start(common.load())) {
            int before = gateway.journal().entries(JournalQuery.all()).size();
            ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(files.size())
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err));
            try (ProgressBar progress = bar.build()) {
                // One business day at a time: the files of a day go through in parallel, and the next
                // day starts once they are settled and tapped, so the detectors see history in the
                // order live traffic would have shown it (an archived invoice never overtakes its order).
                for (List<Path> day : byBusinessDate(files)) {
                    for (Path file : day) {
                        gateway.submit(file, "import", dir.relativize(file).toString(),
                                archive ? ProcessingMode.ARCHIVE : ProcessingMode.DELIVER);
                        progress.step();
                    }
                    gateway.awaitIdle(Duration.ofSeconds(timeoutSeconds));
                    LocalDate businessDay = dates.get(day.get(0));
                    if (businessDay != null && notify) {
                        gateway.repNotifier().sendDigests(businessDay);
                    }
                }
            }
            List<JournalEntry> entries = gateway.journal().entries(JournalQuery.all());
            List<JournalEntry> fresh = entries.subList(Math.min(before, entries.size()), entries.size());
            Map<String, Integer> byStatus = new TreeMap<>();
            fresh.forEach(e -> byStatus.merge(e.status(), 1, Integer::sum));
            System.out.printf("Imported %d files in %.1f s: %s%n", files.size(), (System.nanoTime() - started) / 1e9, byStatus);
            fresh.stream().filter(e -> "QUARANTINED".equals(e.status()))
                    .forEach(e -> System.out.println("  quarantined " + e.id() + " " + e.source() + ": " + e.reason()));
        }
        return 0;
    }

    private final Map<Path, LocalDate> dates = new java.util.HashMap<>();

    /** Consecutive runs of files sharing a business date (files without one form the first run). */
    List<List<Path>> byBusinessDate(List<Path> ordered) {
        List<List<Path>> days = new ArrayList<>();
        LocalDate current = null;
        for (Path f : ordered) {
            LocalDate d = dates.get(f);
            if (days.isEmpty() || !java.util.Objects.equals(d, current)) {
                days.add(new ArrayList<>());
                current = d;
            }
            days.get(days.size() - 1).add(f);
        }
        return days;
    }

    /** Regular files under {@code root}, sorted by business date, then by path. */
    List<Path> ordered(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).forEach(files::add);
        }
        for (Path f : files) {
            dates.put(f, BusinessDateProbe.dateOf(f));
        }
        files.sort(Comparator.comparing((Path p) -> dates.get(p), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Path::toString));
        return files;
    }
}
