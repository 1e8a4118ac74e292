package io.aval.edifact.fast;

import io.aval.edifact.fast.internal.InterchangeParser;
import io.aval.edifact.fast.internal.InterchangeParser.BadMessagePolicy;
import io.aval.edifact.fast.internal.SchemaPack;
import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.config.ResourceConfig;
import org.smooks.api.resource.reader.SmooksXMLReader;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

import jakarta.annotation.PostConstruct;
import javax.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Smooks reader for UN/EDIFACT interchanges that emits the XML the stock {@code <edifact:parser>} emits for the
 * same schema pack, without compiling the pack with Daffodil. Configure it in a Smooks config:
 * <pre>{@code
 * <reader class="io.aval.edifact.fast.AvalEdifactReader">
 *     <params>
 *         <param name="schemaURI">/d96a/EDIFACT-Messages.dfdl.xsd</param>
 *         <param name="messageTypes">ORDERS,DESADV,INVOIC,ORDRSP</param>
 *     </params>
 * </reader>
 * }</pre>
 * Optional parameters: {@code badMessage} = {@code reject} (default: a message the pack cannot structure fails the
 * interchange with {@link EdifactReadException}) or {@code emit} (the stock {@code <BadMessage>} element);
 * {@code charset} = a charset name to decode with, instead of the one the UNB syntax identifier declares
 * ({@code UTF-8} reproduces the stock reader, which always decodes UTF-8).
 */
public class AvalEdifactReader implements SmooksXMLReader {

    @Inject
    private ResourceConfig resourceConfig;

    private InterchangeParser parser;
    private ContentHandler contentHandler;
    private ErrorHandler errorHandler;
    private EntityResolver entityResolver;
    private DTDHandler dtdHandler;

    public AvalEdifactReader() {
    }

    /** programmatic use, outside Smooks */
    public AvalEdifactReader(String schemaUri, String messageTypes) {
        this.parser = newParser(schemaUri, messageTypes, null, null);
    }

    @PostConstruct
    public void postConstruct() {
        if (parser == null && resourceConfig != null) {
            parser = newParser(resourceConfig.getParameterValue("schemaURI", String.class),
                    resourceConfig.getParameterValue("messageTypes", String.class),
                    resourceConfig.getParameterValue("badMessage", String.class),
                    resourceConfig.getParameterValue("charset", String.class));
        }
    }

    /** the reader's engine without Smooks around it (badMessage=reject, charset as UNB declares) */
    public static InterchangeParser parserFor(String schemaUri, String messageTypes) {
        return newParser(schemaUri, messageTypes, null, null);
    }

    static InterchangeParser newParser(String schemaUri, String messageTypes, String badMessage, String charset) {
        if (schemaUri == null || schemaUri.isBlank()) {
            throw new IllegalArgumentException("AvalEdifactReader needs the schemaURI parameter, e.g. /d96a/EDIFACT-Messages.dfdl.xsd");
        }
        Set<String> types = messageTypes == null ? Set.of() : Arrays.stream(messageTypes.split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        SchemaPack pack = SchemaPack.forSchemaUri(schemaUri.trim());
        for (String t : types) {
            if (!pack.hasMessage(t)) {
                throw new IllegalArgumentException("message type " + t + " is not in the schema pack " + schemaUri);
            }
        }
        BadMessagePolicy policy = badMessage == null || badMessage.isBlank() ? BadMessagePolicy.REJECT
                : BadMessagePolicy.valueOf(badMessage.trim().toUpperCase(Locale.ROOT));
        return new InterchangeParser(pack, types, policy, charset == null || charset.isBlank() ? null : charset.trim());
    }

    @Override
    public void parse(InputSource input) throws IOException, SAXException {
        if (parser == null) {
            postConstruct();
        }
        if (input.getByteStream() != null) {
            parser.parse(input.getByteStream(), contentHandler);
        } else if (input.getCharacterStream() != null) {
            parser.parse(input.getCharacterStream(), contentHandler);
        } else {
            throw new SAXException("AvalEdifactReader needs a byte or character stream");
        }
    }

    @Override
    public void parse(String systemId) throws SAXException {
        throw new SAXNotSupportedException("AvalEdifactReader reads streams, not system ids");
    }

    @Override
    public void setExecutionContext(ExecutionContext executionContext) {
    }

    @Override
    public boolean getFeature(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
        return false;
    }

    @Override
    public void setFeature(String name, boolean value) throws SAXNotRecognizedException, SAXNotSupportedException {
    }

    @Override
    public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
        return null;
    }

    @Override
    public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
    }

    @Override
    public void setEntityResolver(EntityResolver resolver) {
        this.entityResolver = resolver;
    }

    @Override
    public EntityResolver getEntityResolver() {
        return entityResolver;
    }

    @Override
    public void setDTDHandler(DTDHandler handler) {
        this.dtdHandler = handler;
    }

    @Override
    public DTDHandler getDTDHandler() {
        return dtdHandler;
    }

    @Override
    public void setContentHandler(ContentHandler handler) {
        this.contentHandler = handler;
    }

    @Override
    public ContentHandler getContentHandler() {
        return contentHandler;
    }

    @Override
    public void setErrorHandler(ErrorHandler handler) {
        this.errorHandler = handler;
    }

    @Override
    public ErrorHandler getErrorHandler() {
        return errorHandler;
    }
}
