package io.aval.edifact.fast;

import io.aval.edifact.fast.internal.InterchangeParser;
import io.aval.edifact.fast.internal.XmlText;
import org.smooks.api.ExecutionContext;
import org.smooks.api.SmooksException;
import org.smooks.api.delivery.ContentDeliveryConfig;
import org.smooks.api.delivery.FilterBypass;
import org.smooks.api.io.Sink;
import org.smooks.api.io.Source;
import org.smooks.api.resource.config.ResourceConfig;
import org.smooks.api.resource.visitor.dom.DOMVisitBefore;
import org.smooks.api.resource.visitor.sax.ng.BeforeVisitor;
import org.smooks.io.source.ReaderSource;
import org.smooks.io.source.StreamSource;
import org.w3c.dom.Element;

import java.io.InputStream;
import java.io.Writer;
import java.util.List;

/**
 * Lets Smooks skip its fragment filter for a config that only reads EDIFACT with {@link AvalEdifactReader} and
 * serialises the XML: select it on the document,
 * <pre>{@code
 * <resource-config selector="#document">
 *     <resource>io.aval.edifact.fast.AvalEdifactReaderBypass</resource>
 * </resource-config>
 * }</pre>
 * beside the {@code <reader>}. Smooks asks a {@link FilterBypass} on {@code #document} to do the whole filter run
 * itself only when it is the config's one visitor (its own rule, the one the XSLT cartridge relies on): with any other
 * visitor in the config (a bean binding, a visitor on a segment...) Smooks runs its DOM or SAX NG filter as before, the
 * reader feeding it, and this visitor does nothing. When it is asked, it writes the reader's XML straight to the sink
 * (the events {@link AvalEdifactReader} gives Smooks, as text in the form Smooks' SAX NG serialiser writes, the same
 * XML as the stock reader's) for a {@code StreamSource} or {@code ReaderSource} into a {@code StreamSink} (in the
 * execution context's content encoding, as Smooks) or a {@code WriterSink}/{@code StringSink}, or hands the same
 * events to the handler of a {@link ContentHandlerSink} (no text in between); it declines, leaving
 * the run to the filter, for other sources or sinks (a {@code DOMSink}...), when default serialisation is off or when
 * the config's reader is not exactly one {@link AvalEdifactReader}. Reading errors come out as from the filter: a
 * {@link SmooksException} whose cause is what the reader threw.
 */
public class AvalEdifactReaderBypass implements FilterBypass, DOMVisitBefore, BeforeVisitor {
    /** Smooks' selector for the reader resource ({@code <reader>} in a config) */
    private static final String READER_SELECTOR = "org.xml.sax.driver";

    /** the parser of the config's reader, looked up on the first run; NONE when the bypass does not apply */
    private volatile Object parser;
    private static final Object NONE = new Object();

    /** this config's closing of source and sink, read on the first run */
    private final FilterBypassIo.KeptClosing closing = new FilterBypassIo.KeptClosing();

    @Override
    public boolean bypass(ExecutionContext executionContext, Source source, Sink sink) throws SmooksException {
        ContentDeliveryConfig config = executionContext.getContentDeliveryRuntime().getContentDeliveryConfig();
        if (!config.isDefaultSerializationOn() || !(source instanceof StreamSource || source instanceof ReaderSource)) {
            return false;
        }
        InterchangeParser p = parser(config);
        if (p == null) {
            return false;
        }
        ContentHandlerSink events = sink instanceof ContentHandlerSink h ? h : null;
        Writer out = events != null ? null : FilterBypassIo.writerFor(sink, executionContext);
        if (events == null && out == null) {
            return false;
        }
        try {
            if (events != null) {
                if (source instanceof StreamSource) {
                    p.parse(((StreamSource<?>) source).getInputStream(), events.handler());
                } else {
                    p.parse(((ReaderSource<?>) source).getReader(), events.handler());
                }
                events.markWritten();
                return true;
            }
            StringBuilder xml;
            if (source instanceof StreamSource) {
                InputStream in = ((StreamSource<?>) source).getInputStream();
                // the XML is about four times the EDIFACT: size the buffer once when the stream knows its length, up to
                // 4 M characters (a large file grows it as it goes rather than claiming gigabytes before reading a byte)
                xml = new StringBuilder((int) Math.max(8192, Math.min(in.available() * 4L, 1 << 22)));
                p.parse(in, new XmlText(xml));
            } else {
                xml = new StringBuilder(8192);
                p.parse(((ReaderSource<?>) source).getReader(), new XmlText(xml));
            }
            out.append(xml);
            out.flush();
        } catch (Exception e) {
            throw new SmooksException("Unable to filter InputStream for target profile ["
                    + executionContext.getTargetProfiles().getBaseProfile() + "].", e);
        } finally {
            FilterBypassIo.close(source, sink, closing.of(executionContext));
        }
        return true;
    }

    private InterchangeParser parser(ContentDeliveryConfig config) {
        Object p = parser;
        if (p == null) {
            List<ResourceConfig> readers = config.getResourceConfigs(READER_SELECTOR);
            if (readers != null && readers.size() == 1 && AvalEdifactReader.class.getName().equals(readers.get(0).getResource())) {
                ResourceConfig r = readers.get(0);
                p = AvalEdifactReader.newParser(r.getParameterValue("schemaURI", String.class),
                        r.getParameterValue("messageTypes", String.class),
                        r.getParameterValue("badMessage", String.class),
                        r.getParameterValue("charset", String.class));
            } else {
                p = NONE;
            }
            parser = p;
        }
        return p == NONE ? null : (InterchangeParser) p;
    }

    /** in a filter run (Smooks did not bypass the filter) there is nothing to do: the reader feeds the filter */
    @Override
    public void visitBefore(Element element, ExecutionContext executionContext) {
    }
}
