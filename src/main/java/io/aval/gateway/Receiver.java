package io.aval.gateway;

import io.aval.journal.Journal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.aval.journal.ProcessingMode;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * The "received" step every transport ends in: the raw bytes go to the journal before anything
 * reads them; what travels on is only the journal id.
 */
public final class Receiver {

    private final Journal journal;

    public Receiver(Journal journal) {
        this.journal = journal;
    }

    /** The body as a stream (a dropped file is never read whole into memory: large ones go to the journal in chunks). */
    public long receive(@Body InputStream raw, @Header(AvalHeaders.TRANSPORT) String transport,
                        @Header(AvalHeaders.SOURCE_NAME) String sourceName, @Header(AvalHeaders.MODE) String mode) {
        ProcessingMode m = mode == null ? ProcessingMode.DELIVER : ProcessingMode.valueOf(mode);
        try (InputStream in = raw == null ? InputStream.nullInputStream() : raw) {
            return journal.recordReceived(in, transport == null ? "unknown" : transport, sourceName, m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the received " + transport + " input", e);
        }
    }
}
