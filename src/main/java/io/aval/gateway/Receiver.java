package io.aval.gateway;

import io.aval.journal.Journal;
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

    public long receive(@Body byte[] raw, @Header(AvalHeaders.TRANSPORT) String transport,
                        @Header(AvalHeaders.SOURCE_NAME) String sourceName, @Header(AvalHeaders.MODE) String mode) {
        ProcessingMode m = mode == null ? ProcessingMode.DELIVER : ProcessingMode.valueOf(mode);
        return journal.recordReceived(raw == null ? new byte[0] : raw, transport == null ? "unknown" : transport,
                sourceName, m);
    }
}
