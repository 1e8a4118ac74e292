package io.aval.edifact;

import io.aval.edifact.TranslationException.Failure;
import net.sf.saxon.s9api.DOMDestination;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Maps a supplier-side UBL 2.1 document to one EDIFACT message in the stock reader's XML shape, with
 * the XSLT 3.0 mapping under {@code mappings/ubl/<message>-out/to-<directory>.xsl} (Saxon-HE).
 * The UBL root element chooses the message: DespatchAdvice → DESADV, Invoice and CreditNote → INVOIC,
 * OrderResponse → ORDRSP. Compiled stylesheets are cached and recompiled when the file changes, so the
 * integration team can edit a mapping without restarting. Thread-safe.
 */
public final class OutboundMessageMapper {

    private static final String UBL_NS_PREFIX = "urn:oasis:names:specification:ubl:schema:xsd:";
    private static final Map<String, String> MESSAGE_BY_ROOT = Map.of(
            "DespatchAdvice", "desadv",
            "Invoice", "invoic",
            "CreditNote", "invoic",
            "OrderResponse", "ordrsp");

    /** Factory look-ups scan the classpath: done once, not per document. */
    private static final XMLInputFactory STAX = newStax();
    private static final DocumentBuilderFactory DOM = newDom();

    private final Path mappingsDir;
    private final CompiledStylesheets stylesheets = new CompiledStylesheets(new Processor(false));

    /** @param mappingsDir the {@code mappings/} folder (the one production reads, e.g. {@code $AVAL_HOME/mappings}) */
    public OutboundMessageMapper(Path mappingsDir) {
        this.mappingsDir = mappingsDir;
    }

    /** The EDIFACT message type (DESADV, INVOIC, ORDRSP) a UBL document maps to; {@link Failure#UNSUPPORTED_DOCUMENT} otherwise. */
    public String messageTypeOf(byte[] ubl) {
        return messageDir(rootName(ubl)).toUpperCase();
    }

    /** The mapping file used for a UBL root element name and directory. */
    public Path mappingFile(String ublRoot, EdifactDirectory directory) {
        return mappingsDir.resolve("ubl").resolve(messageDir(ublRoot) + "-out")
                .resolve("to-" + directory.mappingSuffix() + ".xsl");
    }

    /** Maps one UBL document (bytes as received from the ERP) to a message DOM for {@link InterchangeWriter}. */
    public Document map(byte[] ubl, EdifactDirectory directory) {
        Path file = mappingFile(rootName(ubl), directory);
        try {
            Xslt30Transformer transformer = executable(file).load30();
            Document result = newDocument();
            transformer.transform(new StreamSource(new ByteArrayInputStream(ubl)), new DOMDestination(result));
            return result;
        } catch (SaxonApiException e) {
            throw new TranslationException(Failure.MAPPING_FAILED, file + ": " + e.getMessage(), null, null, e);
        }
    }

    private XsltExecutable executable(Path file) {
        try {
            return stylesheets.get(file);
        } catch (IOException e) {
            throw new TranslationException(Failure.MAPPING_FAILED, "mapping file not readable: " + file, null, null, e);
        } catch (SaxonApiException e) {
            throw new TranslationException(Failure.MAPPING_FAILED, "mapping does not compile: " + file + ": " + e.getMessage(), null, null, e);
        }
    }

    private static String messageDir(String root) {
        String dir = MESSAGE_BY_ROOT.get(root);
        if (dir == null) {
            throw new TranslationException(Failure.UNSUPPORTED_DOCUMENT,
                    "no outbound mapping for UBL document <" + root + "> (known: " + MESSAGE_BY_ROOT.keySet() + ")", null, null);
        }
        return dir;
    }

    private static String rootName(byte[] ubl) {
        try {
            XMLStreamReader r = STAX.createXMLStreamReader(new ByteArrayInputStream(ubl));
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        String ns = r.getNamespaceURI();
                        if (ns == null || !ns.startsWith(UBL_NS_PREFIX)) {
                            throw new TranslationException(Failure.UNSUPPORTED_DOCUMENT,
                                    "not a UBL 2.1 document: root <" + r.getLocalName() + "> in namespace " + ns, null, null);
                        }
                        return r.getLocalName();
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new TranslationException(Failure.UNSUPPORTED_DOCUMENT, "not well-formed XML: " + e.getMessage(), null, null, e);
        }
        throw new TranslationException(Failure.UNSUPPORTED_DOCUMENT, "empty document", null, null);
    }

    private static Document newDocument() {
        try {
            synchronized (DOM) {
                return DOM.newDocumentBuilder().newDocument();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static XMLInputFactory newStax() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    private static DocumentBuilderFactory newDom() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f;
    }
}
