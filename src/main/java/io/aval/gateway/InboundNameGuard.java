package io.aval.gateway;

import io.aval.journal.InterchangeStatus;
import io.aval.journal.Journal;
import io.aval.journal.ProcessingMode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files in the drop folder whose names hold a path separator Camel's file component would act on
 * ({@code ..\..\etc\passwd} is a legal file name on Linux, but Camel reads the backslashes as
 * folders): the file consumer never picks them up, so without this they would wait in
 * {@code inbound/} unseen. Each one is journaled with its bytes and name as they came, quarantined
 * with the reason, and moved to {@code quarantine/unsafe-names/} under a name made only of safe
 * characters. The name is never used to build a path.
 */
public final class InboundNameGuard {

    private static final Logger LOG = LoggerFactory.getLogger(InboundNameGuard.class);
    /** Same settling time as the drop route's read lock: a file still being written is left alone. */
    private static final Duration SETTLED = Duration.ofMillis(500);

    private final Journal journal;
    private final Path inbound;
    private final Path quarantine;

    public InboundNameGuard(Journal journal, Path dataDir) {
        this.journal = journal;
        this.inbound = dataDir.resolve("inbound");
        this.quarantine = dataDir.resolve("quarantine").resolve("unsafe-names");
    }

    /** True for a name the drop route must not take: one with a separator Camel would follow. */
    static boolean unsafe(String name) {
        return name.indexOf('\\') >= 0 || name.indexOf('/') >= 0;
    }

    /** Quarantines every settled file with an unsafe name; returns how many. */
    public int sweep() throws IOException {
        if (!Files.isDirectory(inbound)) {
            return 0;
        }
        int n = 0;
        Instant settledBefore = Instant.now().minus(SETTLED);
        // "..\x" starts with a dot, yet is no hidden temp file: the separator decides, not the dot
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbound, p -> unsafe(p.getFileName().toString()))) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(settledBefore)) {
                    quarantine(f);
                    n++;
                }
            }
        }
        return n;
    }

    private void quarantine(Path file) throws IOException {
        String name = file.getFileName().toString();
        long id = journal.recordReceived(Files.readAllBytes(file), "file", name, ProcessingMode.DELIVER);
        String reason = "file name '" + name + "' holds a path separator ('\\' or '/'): refused unread, a partner's "
                + "file name is never used as a path; rename it and drop it again";
        journal.settle(id, InterchangeStatus.QUARANTINED, reason);
        Files.createDirectories(quarantine);
        Path target = quarantine.resolve("I-" + id + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
        Files.move(file, target);
        LOG.warn("Quarantined I-{} from the drop folder: {} (kept as {})", id, reason, target);
    }
}
