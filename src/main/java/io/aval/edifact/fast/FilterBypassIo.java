package io.aval.edifact.fast;

import org.smooks.api.ExecutionContext;
import org.smooks.api.delivery.Filter;
import org.smooks.api.io.Sink;
import org.smooks.api.io.Source;
import org.smooks.engine.lookup.GlobalParamsLookup;
import org.smooks.io.sink.StreamSink;
import org.smooks.io.sink.WriterSink;
import org.smooks.io.source.ReaderSource;
import org.smooks.io.source.StreamSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UnsupportedEncodingException;
import java.io.Writer;

/**
 * What Smooks' own filters do with a source and a sink around a filter run, for the Aval filter bypasses
 * ({@link AvalEdifactReaderBypass}, {@link AvalEdifactUnparser}): the writer a sink is written through (a
 * {@code StreamSink} in the execution context's content encoding, as {@code AbstractFilter.getWriter}) and the closing
 * of source and sink afterwards ({@code close.source}, {@code close.sink}, both on by default).
 */
final class FilterBypassIo {
    private FilterBypassIo() {
    }

    /** the sink's writer, or null for a sink kind the bypass leaves to the filter (DOMSink, JavaSink...) */
    static Writer writerFor(Sink sink, ExecutionContext executionContext) {
        if (sink instanceof WriterSink && ((WriterSink<?>) sink).getWriter() != null) {
            return ((WriterSink<?>) sink).getWriter();
        }
        if (sink instanceof StreamSink && ((StreamSink<?>) sink).getOutputStream() != null) {
            try {
                return new OutputStreamWriter(((StreamSink<?>) sink).getOutputStream(), executionContext.getContentEncoding());
            } catch (UnsupportedEncodingException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether a run closes its source and its sink: global parameters of the application context, which a bypass reads
     * on its first run and keeps (a registry look-up on every run was about 1 % of an import's CPU).
     */
    record Closing(boolean source, boolean sink) {
        static Closing of(ExecutionContext executionContext) {
            GlobalParamsLookup.ParameterAccessor params = executionContext.getApplicationContext().getRegistry().lookup(new GlobalParamsLookup());
            return new Closing(on(params, Filter.CLOSE_SOURCE), on(params, Filter.CLOSE_SINK));
        }
    }

    /** One bypass's {@link Closing}, read on its first run (a bypass belongs to one config of one application context). */
    static final class KeptClosing {
        private volatile Closing closing;

        Closing of(ExecutionContext executionContext) {
            Closing c = closing;
            if (c == null) {
                c = Closing.of(executionContext);
                closing = c;
            }
            return c;
        }
    }

    static void close(Source source, Sink sink, Closing closing) {
        if (closing.source()) {
            try {
                if (source instanceof StreamSource && ((StreamSource<?>) source).getInputStream() != null
                        && ((StreamSource<?>) source).getInputStream() != System.in) {
                    ((StreamSource<?>) source).getInputStream().close();
                } else if (source instanceof ReaderSource && ((ReaderSource<?>) source).getReader() != null) {
                    ((ReaderSource<?>) source).getReader().close();
                }
            } catch (IOException ignored) {
                // as the Smooks filters: a source that cannot be closed is not the filter's failure
            }
        }
        if (closing.sink()) {
            try {
                if (sink instanceof StreamSink && ((StreamSink<?>) sink).getOutputStream() != null) {
                    OutputStream out = ((StreamSink<?>) sink).getOutputStream();
                    out.flush();
                    if (out != System.out && out != System.err) {
                        out.close();
                    }
                } else if (sink instanceof WriterSink && ((WriterSink<?>) sink).getWriter() != null) {
                    ((WriterSink<?>) sink).getWriter().close();
                }
            } catch (IOException ignored) {
                // idem
            }
        }
    }

    /** a global parameter as the Smooks filters read it (the application context sets close.source and close.sink) */
    private static boolean on(GlobalParamsLookup.ParameterAccessor params, String name) {
        Object value = params.getParameterValue(name);
        return Boolean.parseBoolean(value == null ? null : value.toString());
    }
}
