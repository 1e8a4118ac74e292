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
 * Files in the drop folder the drop route cannot or must not take, quarantined with their reason
 * instead of waiting in {@code inbound/} unseen or filling memory:
 * <ul>
 * <li>a name with a path separator Camel's file component would act on ({@code ..\..\etc\passwd} is
 * a legal file name on Linux, but Camel reads the backslashes as folders and never picks the file
 * up): journaled with its bytes and its name as they came, moved to {@code quarantine/unsafe-names/}
 * under a name made only of safe characters — the name is never used to build a path;</li>
 * <li>a file larger than {@code aval.limits.max-interchange-bytes} (the drop route filters them
 * out): journaled without reading it (no bytes, its size in the reason), moved unread to
 * {@code quarantine/oversize/}, where its bytes are kept.</li>
 * </ul>
 */
public final class InboundDropGuard {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDropGuard.class);
    /** Same settling time as the drop route's read lock: a file still being written is left alone. */
    private static final Duration SETTLED = Duration.ofMillis(500);

    private final Journal journal;
    private final Path inbound;
    private final Path quarantine;
    private final long maxBytes;

    public InboundDropGuard(Journal journal, Path dataDir, long maxInterchangeBytes) {
        this.journal = journal;
        this.inbound = dataDir.resolve("inbound");
        this.quarantine = dataDir.resolve("quarantine");
        this.maxBytes = maxInterchangeBytes;
    }

    /** True for a name the drop route must not take: one with a separator Camel would follow. */
    static boolean unsafe(String name) {
        return name.indexOf('\\') >= 0 || name.indexOf('/') >= 0;
    }

    /** Quarantines every settled file with an unsafe name or an oversize body; returns how many. */
    public int sweep() throws IOException {
        if (!Files.isDirectory(inbound)) {
            return 0;
        }
        int n = 0;
        Instant settledBefore = Instant.now().minus(SETTLED);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbound)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || !Files.getLastModifiedTime(f).toInstant().isBefore(settledBefore)) {
                    continue;
                }
                // "..\\x" starts with a dot, yet is no hidden temp file: the separator decides, not the dot
                if (unsafe(name)) {
                    quarantineUnsafeName(f, name);
                    n++;
                } else if (!name.startsWith(".") && Files.size(f) > maxBytes) {
                    quarantineOversize(f, name);
                    n++;
                }
            }
        }
        return n;
    }

    private void quarantineUnsafeName(Path file, String name) throws IOException {
        long id;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            id = journal.recordReceived(in, "file", name, ProcessingMode.DELIVER); // streamed: it may be large
        }
        String reason = "file name '" + name + "' holds a path separator ('\\' or '/'): refused unread, a partner's "
                + "file name is never used as a path; rename it and drop it again";
        journal.settle(id, InterchangeStatus.QUARANTINED, reason);
        Path target = move(file, "unsafe-names", "I-" + id + "-" + safe(name));
        LOG.warn("Quarantined I-{} from the drop folder: {} (kept as {})", id, reason, target);
    }

    private void quarantineOversize(Path file, String name) throws IOException {
        long size = Files.size(file);
        long id = journal.recordReceived(new byte[0], "file", name, ProcessingMode.DELIVER);
        Path target = move(file, "oversize", "I-" + id + "-" + safe(name));
        String reason = "interchange: the interchange is larger than the gateway accepts: " + size + " bytes; the limit is "
                + maxBytes + " (aval.limits.max-interchange-bytes); not read, kept as " + inbound.getParent().relativize(target);
        journal.settle(id, InterchangeStatus.QUARANTINED, reason);
        LOG.warn("Quarantined I-{} from the drop folder: {}", id, reason);
    }

    private Path move(Path file, String folder, String name) throws IOException {
        Path dir = Files.createDirectories(quarantine.resolve(folder));
        Path target = dir.resolve(name);
        Files.move(file, target);
        return target;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
