package io.aval.edifact.fast;

import io.aval.edifact.fast.internal.SegmentXmlWriter;
import jakarta.annotation.PostConstruct;
import org.smooks.api.ExecutionContext;
import org.smooks.api.SmooksException;
import org.smooks.api.TypedKey;
import org.smooks.api.delivery.FilterBypass;
import org.smooks.api.io.Sink;
import org.smooks.api.io.Source;
import org.smooks.api.resource.config.ResourceConfig;
import org.smooks.api.resource.visitor.sax.ng.ChildrenVisitor;
import org.smooks.api.resource.visitor.sax.ng.ParameterizedVisitor;
import org.smooks.engine.resource.config.xpath.IndexedSelectorPath;
import org.smooks.engine.resource.config.xpath.step.DocumentSelectorStep;
import org.smooks.io.Stream;
import org.smooks.io.source.DOMSource;
import org.smooks.io.source.ReaderSource;
import org.smooks.io.source.StreamSource;
import org.w3c.dom.CharacterData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.inject.Inject;
import javax.xml.transform.sax.SAXSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLReaderFactory;
import java.io.IOException;
import java.io.Writer;

/**
 * Smooks visitor that writes the XML it sees (stock {@code edifact:parser} shape) as EDIFACT to the Smooks output,
 * the same bytes as the stock {@code <edifact:unparser>}; switch off default serialisation. Two ways to select it:
 * <ul>
 * <li>{@code selector="#document"} (the mappings/ configs): Smooks hands it the whole document. When it is the config's
 * only visitor, Smooks lets it do the filter run itself ({@link FilterBypass}, Smooks' own rule): it reads the source
 * ({@code ReaderSource}, {@code StreamSource}, {@code DOMSource}) and writes the sink ({@code StreamSink} in the
 * execution context's content encoding, as Smooks, or {@code WriterSink}) with {@link AvalEdifactWriter}. With other
 * visitors in the config, or other sources or sinks, Smooks runs its filter: this visitor asks SAX NG to keep the
 * whole tree under the root ({@link ParameterizedVisitor#getMaxNodeDepth()}) and writes it when the root ends, after
 * the other visitors have seen (and possibly changed) their elements.</li>
 * <li>{@code selector="*"} (as the stock {@code unparseOnNode="*"}): it writes each element as SAX NG streams it.</li>
 * </ul>
 * Optional parameter {@code lineBreak}: {@code CRLF} (default, as the stock writer), {@code LF} or {@code NONE}.
 */
public class AvalEdifactUnparser implements ParameterizedVisitor, ChildrenVisitor, FilterBypass {
    private static final TypedKey<State> STATE = TypedKey.of();

    @Inject
    private ResourceConfig resourceConfig;

    private String lineBreak = "\r\n";
    /** selected on the document: write the tree when the root ends instead of element by element */
    private boolean wholeDocument;

    private static final class State {
        SegmentXmlWriter writer;
        int depth;
    }

    @PostConstruct
    public void postConstruct() {
        String lb = resourceConfig == null ? null : resourceConfig.getParameterValue("lineBreak", String.class);
        if (lb != null) {
            switch (lb.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "LF":
                    lineBreak = "\n";
                    break;
                case "NONE":
                    lineBreak = "";
                    break;
                default:
                    lineBreak = "\r\n";
            }
        }
        // as Smooks recognises a #document selector (it keeps "/*" as the selector text)
        wholeDocument = resourceConfig != null && resourceConfig.getSelectorPath() instanceof IndexedSelectorPath
                && ((IndexedSelectorPath) resourceConfig.getSelectorPath()).getTargetSelectorStep() instanceof DocumentSelectorStep;
    }

    /** this config's closing of source and sink, read on the first run */
    private final FilterBypassIo.KeptClosing closing = new FilterBypassIo.KeptClosing();

    @Override
    public boolean bypass(ExecutionContext executionContext, Source source, Sink sink) throws SmooksException {
        if (!wholeDocument || executionContext.getContentDeliveryRuntime().getContentDeliveryConfig().isDefaultSerializationOn()) {
            return false;
        }
        javax.xml.transform.Source xml;
        if (source instanceof ReaderSource && ((ReaderSource<?>) source).getReader() != null) {
            xml = saxSource(new InputSource(((ReaderSource<?>) source).getReader()));
        } else if (source instanceof StreamSource && ((StreamSource<?>) source).getInputStream() != null) {
            xml = saxSource(new InputSource(((StreamSource<?>) source).getInputStream()));
        } else if (source instanceof DOMSource && ((DOMSource) source).getNode() instanceof Document) {
            xml = new javax.xml.transform.dom.DOMSource(((DOMSource) source).getNode());
        } else {
            return false;
        }
        Writer out = FilterBypassIo.writerFor(sink, executionContext);
        if (out == null) {
            return false;
        }
        try {
            AvalEdifactWriter.write(xml, out, AvalEdifactWriter.Options.stock().lineBreak(lineBreak));
        } catch (RuntimeException e) {
            throw new SmooksException("Unable to filter InputStream for target profile ["
                    + executionContext.getTargetProfiles().getBaseProfile() + "].", e);
        } finally {
            FilterBypassIo.close(source, sink, closing.of(executionContext));
        }
        return true;
    }

    /**
     * the XML parser Smooks' filters read a stream with (org.xml.sax.driver: Woodstox here), set up as they set it up,
     * so that the bypass accepts and rejects the same XML as the filter
     */
    private static SAXSource saxSource(InputSource input) {
        try {
            XMLReader reader = newXmlReader();
            reader.setFeature("http://xml.org/sax/features/namespaces", true);
            reader.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
            return new SAXSource(reader, input);
        } catch (SAXException e) {
            throw new SmooksException("cannot create the XML reader", e);
        }
    }

    /** the class XMLReaderFactory finds (a service look-up in the jars on every call), looked up once */
    private static volatile Class<? extends XMLReader> xmlReaderClass;

    @SuppressWarnings("deprecation")
    private static XMLReader newXmlReader() throws SAXException {
        Class<? extends XMLReader> c = xmlReaderClass;
        if (c != null) {
            try {
                return c.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new SAXException(e);
            }
        }
        XMLReader reader = XMLReaderFactory.createXMLReader();
        xmlReaderClass = reader.getClass();
        return reader;
    }

    /** selected on the document, the whole tree: Smooks keeps every element and text under the root until it ends */
    @Override
    public int getMaxNodeDepth() {
        return wholeDocument ? Integer.MAX_VALUE : 1;
    }

    @Override
    public void visitBefore(Element element, ExecutionContext executionContext) {
        if (wholeDocument) {
            return;
        }
        State state = executionContext.get(STATE);
        if (state == null) {
            state = new State();
            state.writer = new SegmentXmlWriter(Stream.out(executionContext), lineBreak);
            executionContext.put(STATE, state);
        }
        state.depth++;
        state.writer.startElement(element.getNamespaceURI(), AvalEdifactWriter.localName(element), AvalEdifactWriter.isNil(element));
    }

    @Override
    public void visitChildText(CharacterData characterData, ExecutionContext executionContext) {
        if (wholeDocument) {
            return;
        }
        State state = executionContext.get(STATE);
        if (state != null) {
            state.writer.characters(characterData.getData());
        }
    }

    @Override
    public void visitChildElement(Element childElement, ExecutionContext executionContext) {
    }

    @Override
    public void visitAfter(Element element, ExecutionContext executionContext) {
        try {
            if (wholeDocument) {
                SegmentXmlWriter writer = new SegmentXmlWriter(Stream.out(executionContext), lineBreak);
                AvalEdifactWriter.walk(element, writer);
                Stream.out(executionContext).flush();
                return;
            }
            State state = executionContext.get(STATE);
            state.writer.endElement(AvalEdifactWriter.localName(element));
            if (--state.depth == 0) {
                Stream.out(executionContext).flush();
                executionContext.remove(STATE);
            }
        } catch (IOException e) {
            throw new SmooksException(e);
        }
    }
}
