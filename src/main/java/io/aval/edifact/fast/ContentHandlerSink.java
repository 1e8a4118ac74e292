package io.aval.edifact.fast;

import org.smooks.api.io.Sink;
import org.xml.sax.ContentHandler;

/**
 * A Smooks sink that takes the reader's XML as SAX events, for a caller that builds its own tree from them (the
 * gateway's mapping builds Saxon's, which it would otherwise parse back from text). Only
 * {@link AvalEdifactReaderBypass} writes to it: after {@code Smooks.filterSource}, {@link #written()} says whether it
 * did; when the config did not bypass its filter (another visitor, another reader) nothing was written and the
 * caller reads into a {@code StringSink} instead.
 */
public final class ContentHandlerSink implements Sink {
    private final ContentHandler handler;
    private volatile boolean written;

    public ContentHandlerSink(ContentHandler handler) {
        this.handler = handler;
    }

    public ContentHandler handler() {
        return handler;
    }

    /** true once the bypass has given the handler the whole document */
    public boolean written() {
        return written;
    }

    void markWritten() {
        written = true;
    }
}
