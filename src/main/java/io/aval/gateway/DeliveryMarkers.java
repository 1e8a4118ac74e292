package io.aval.gateway;

import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the hand-off markers ({@code data/deliveries/erp/M<id>}, {@code data/deliveries/partners/M<id>},
 * written by {@link io.aval.transport.IdempotentFileDrop}) that can no longer be needed: a marker only
 * stops a broker redelivery from handing a file over twice, and a redelivery comes at the next start,
 * not weeks later. Kept: markers younger than {@code aval.deliveries.keep-days}, hidden temporary
 * ones, and any whose message the journal does not hold as DELIVERED (still on its way, or unknown).
 */
public final class DeliveryMarkers {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryMarkers.class);
    private static final Pattern MARKER = Pattern.compile("M(\\d{1,18})");

    private final Journal journal;
    private final List<Path> folders;
    private final Duration keep;
    private final Clock clock;

    public DeliveryMarkers(Journal journal, List<Path> folders, Duration keep, Clock clock) {
        this.journal = journal;
        this.folders = List.copyOf(folders);
        this.keep = keep;
        this.clock = clock;
    }

    /** Deletes the markers no redelivery can need any more; returns how many. */
    public int prune() {
        Instant cutoff = clock.instant().minus(keep);
        int removed = 0;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path marker : (Iterable<Path>) files::iterator) {
                    if (prunable(marker, cutoff)) {
                        Files.deleteIfExists(marker);
                        removed++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prune the hand-off markers in " + folder + ": " + e.getMessage(), e);
            }
        }
        if (removed > 0) {
            LOG.info("Removed {} hand-off marker(s) of messages delivered more than {} days ago", removed, keep.toDays());
        }
        return removed;
    }

    private boolean prunable(Path marker, Instant cutoff) throws IOException {
        Matcher m = MARKER.matcher(marker.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(marker) || !Files.getLastModifiedTime(marker).toInstant().isBefore(cutoff)) {
            return false;
        }
        return journal.findMessage(Long.parseLong(m.group(1))).filter(r -> r.status() == MessageStatus.DELIVERED).isPresent();
    }
}
