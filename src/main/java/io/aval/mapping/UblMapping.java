package io.aval.mapping;

import io.aval.edifact.CompiledStylesheets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.dom.NodeOverNodeInfo;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.TeeDestination;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;

/**
 * An inbound mapping in one pass over one tree: the message's EDIFACT XML (the stock reader's shape)
 * is parsed once (Saxon), the XSLT mapping (Saxon-HE, XSLT 3.0) runs on that tree, and its result is
 * serialized for the ERP while the same events go through UBL 2.1 schema validation. The parsed
 * message is handed back as a read-only DOM for whoever else reads it (the signal tap), so it is not
 * parsed again. Before, the text was parsed three times: by the tap, by the mapping and by the validator.
 *
 * <p>Stylesheets are compiled once per file and again when the file changes ({@link CompiledStylesheets}),
 * so a mapping can be edited without a restart. Thread-safe.
 */
public final class UblMapping {

    /** The mapped document (as the ERP receives it) and the message it was mapped from. */
    public record Mapped(byte[] document, org.w3c.dom.Document source) {
    }

    private final Processor processor = new Processor(false);
    private final CompiledStylesheets stylesheets = new CompiledStylesheets(processor);
    private final UblValidator validator;

    public UblMapping(UblValidator validator) {
        this.validator = validator;
    }

    /**
     * Maps {@code edifactXml} with {@code stylesheet} (its {@code xsl:param}s from {@code parameters})
     * to a UBL document of {@code documentType} ("Order", …).
     *
     * @throws MessageRejectedException when the mapping fails or its result is not valid UBL 2.1 (the
     *                                  reason names the first errors with their lines, as {@link UblValidator#validate} does)
     */
    public Mapped map(String edifactXml, Path stylesheet, Map<String, String> parameters, String documentType) {
        XdmNode message;
        try {
            message = processor.newDocumentBuilder().build(new StreamSource(new StringReader(edifactXml)));
        } catch (SaxonApiException e) {
            throw new MessageRejectedException("the message's XML is not readable: " + e.getMessage());
        }
        return map(message, stylesheet, parameters, documentType);
    }

    /**
     * A tree for {@link #map(XdmNode, Path, Map, String)} built from a reader's SAX events ({@link
     * EdifactReaders#read(String, String, String, org.xml.sax.ContentHandler)} into {@link Tree#handler()}): the
     * message's XML is never written out as text and parsed back.
     */
    public Tree newTree() {
        try {
            return new Tree(processor.newDocumentBuilder().newBuildingContentHandler());
        } catch (SaxonApiException e) {
            throw new IllegalStateException("Saxon cannot build a tree from SAX events: " + e.getMessage(), e);
        }
    }

    /** A message tree being built from SAX events. */
    public static final class Tree {
        private final net.sf.saxon.s9api.BuildingContentHandler handler;

        private Tree(net.sf.saxon.s9api.BuildingContentHandler handler) {
            this.handler = handler;
        }

        public org.xml.sax.ContentHandler handler() {
            return handler;
        }

        /** the document, once the handler has had all its events */
        public XdmNode document() {
            try {
                return handler.getDocumentNode();
            } catch (SaxonApiException e) {
                throw new MessageRejectedException("the message's XML is not readable: " + e.getMessage());
            }
        }
    }

    /** {@link #map(String, Path, Map, String)} for a message already parsed ({@link #newTree}). */
    public Mapped map(XdmNode message, Path stylesheet, Map<String, String> parameters, String documentType) {
        Xslt30Transformer transformer = executable(stylesheet).load30();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        UblValidator.Check check = validator.check(documentType);
        // what the mapping says with xsl:message (why it gave up, with terminate="yes") goes into the reason
        java.util.List<String> said = new java.util.ArrayList<>();
        transformer.setMessageHandler(m -> said.add(m.getStringValue()));
        try {
            Map<QName, XdmValue> values = new HashMap<>();
            parameters.forEach((name, value) -> values.put(new QName(name), new XdmAtomicValue(value == null ? "" : value)));
            transformer.setStylesheetParameters(values);
            transformer.setGlobalContextItem(message);
            transformer.applyTemplates(message, new TeeDestination(transformer.newSerializer(out), new SAXDestination(check.handler())));
        } catch (SaxonApiException e) {
            check.discard();
            if (check.errors().isEmpty()) {
                throw new MessageRejectedException("mapping " + stylesheet.getFileName() + " failed: " + e.getMessage()
                        + (said.isEmpty() ? "" : " (" + String.join("; ", said) + ")"));
            }
        }
        byte[] document = out.toByteArray();
        if (!check.errors().isEmpty()) {
            check.discard();
            // rare: validate the text as the ERP receives it, for errors that name their lines
            validator.validate(new String(document, StandardCharsets.UTF_8), documentType);
            throw new MessageRejectedException("mapped UBL " + documentType + " is not valid UBL 2.1: "
                    + String.join("; ", check.errors().subList(0, Math.min(3, check.errors().size()))));
        }
        return new Mapped(document, (org.w3c.dom.Document) NodeOverNodeInfo.wrap(message.getUnderlyingNode()));
    }

    private XsltExecutable executable(Path file) {
        try {
            return stylesheets.get(file);
        } catch (IOException e) {
            throw new IllegalStateException("mapping file not readable: " + file + ": " + e.getMessage(), e);
        } catch (SaxonApiException e) {
            throw new IllegalStateException("mapping does not compile: " + file + ": " + e.getMessage(), e);
        }
    }
}
