package io.aval.signal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Parses test interchanges into the stock {@code edifact:parser} XML shape with the Aval reader
 * ({@code mappings/edifact/d96a/parse-aval.smooks.xml}), which the differential test in
 * {@code io.aval.edifact.fast} proves identical to the stock reader's output; it needs no
 * minute-long schema compile, so the detector tests and the evaluation stay quick.
 */
final class EdifactFixtureParser {

    private static final io.aval.edifact.fast.EdifactXml READER = io.aval.edifact.fast.EdifactXml.of(
            io.aval.edifact.fast.EdifactXml.Implementation.AVAL, io.aval.edifact.fast.EdifactXml.Directory.D96A);

    private EdifactFixtureParser() {
    }

    /** Parses one interchange to the stock-shaped DOM. */
    static Document parse(String edifact) {
        try {
            // the fixtures declare UNOC: their bytes are ISO-8859-1, which the Aval reader decodes as UNB says
            String xml = READER.parse(edifact.getBytes(StandardCharsets.ISO_8859_1));
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("EDIFACT fixture did not parse: " + e.getMessage(), e);
        }
    }

    /** The message elements (local name {@code Message}) of one parsed interchange, in order. */
    static List<Element> messages(Document doc) {
        List<Element> out = new ArrayList<>();
        var nodes = doc.getElementsByTagNameNS("*", "Message");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
