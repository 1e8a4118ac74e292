package io.aval.transport.internal;

import io.aval.journal.Direction;
import io.aval.journal.InterchangeRecord;
import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The EDIFACT bytes of an interchange we sent a partner, for {@code GET /partners/outbound/{id}}.
 * A CONTRL reply is journaled byte for byte when it is made, so it is read from the journal; an
 * interchange translated from an ERP document is not (the journal keeps the UBL it came from), so
 * it is read from the file the journal says it was delivered to, or from
 * {@code DATA/archive/outbound/<partner>/} where the SFTP and AS2 senders move a file once sent.
 * Only files under the data folder are ever read.
 */
public final class OutboundInterchangeFiles {

    /** Journal transport of the CONTRL replies ({@code Acknowledgements.recordReply}): their bytes are journaled. */
    private static final String CONTRL_TRANSPORT = "contrl";

    private final Journal journal;
    private final Path dataDir;

    public OutboundInterchangeFiles(Journal journal, Path dataDir) {
        this.journal = journal;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The outbound message {@code M-<n>} of {@code partnerId} that was delivered; empty for any other id. */
    public Optional<MessageRecord> delivered(String partnerId, String id) {
        if (id == null || !id.matches("M-\\d{1,18}")) {
            return Optional.empty();
        }
        MessageRecord m;
        try {
            m = journal.message(Long.parseLong(id.substring(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean ours = partnerId.equals(m.partnerId()) && m.direction() == Direction.OUTBOUND && m.deliveredTo() != null;
        return ours ? Optional.of(m) : Optional.empty();
    }

    /** The file name the partner received the interchange under. */
    public static String fileName(String deliveredTo) {
        try {
            Path name = Path.of(deliveredTo).getFileName();
            return name == null ? deliveredTo : name.toString();
        } catch (InvalidPathException e) {
            return deliveredTo;
        }
    }

    /** The bytes the partner was sent, or empty when neither the journal nor the data folder holds them any more. */
    public Optional<byte[]> bytes(MessageRecord m) {
        InterchangeRecord i = journal.interchange(m.interchangeId());
        if (CONTRL_TRANSPORT.equals(i.transport()) && i.rawBytes() != null) {
            return Optional.of(i.rawBytes());
        }
        for (Path candidate : candidates(m)) {
            if (candidate.startsWith(dataDir) && Files.isRegularFile(candidate)) {
                try {
                    return Optional.of(Files.readAllBytes(candidate));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + candidate + " (outbound M-" + m.id()
                            + " of partner " + m.partnerId() + "): " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    private Path[] candidates(MessageRecord m) {
        try {
            Path written = Path.of(m.deliveredTo()).toAbsolutePath().normalize();
            Path archived = dataDir.resolve("archive/outbound").resolve(m.partnerId())
                    .resolve(written.getFileName().toString()).normalize();
            return new Path[] {written, archived};
        } catch (InvalidPathException e) {
            return new Path[0];
        }
    }
}
