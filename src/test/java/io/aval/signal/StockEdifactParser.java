package io.aval.signal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.smooks.Smooks;
import org.smooks.api.ExecutionContext;
import org.smooks.io.sink.DOMSink;
import org.smooks.io.source.ByteSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The stock Smooks {@code edifact:parser} on the D96A pack, built once per test JVM because the
 * schema compile costs tens of seconds. Tests use it as the oracle shape the extractor must read.
 */
final class StockEdifactParser {

    private static final String CONFIG = """
            <?xml version="1.0"?>
            <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                  xmlns:edifact="https://www.smooks.org/xsd/smooks/edifact-2.0.xsd">
              <edifact:parser schemaUri="/d96a/EDIFACT-Messages.dfdl.xsd">
                <edifact:messageTypes>
                  <edifact:messageType>ORDERS</edifact:messageType>
                  <edifact:messageType>DESADV</edifact:messageType>
                  <edifact:messageType>INVOIC</edifact:messageType>
                  <edifact:messageType>RECADV</edifact:messageType>
                  <edifact:messageType>REMADV</edifact:messageType>
                  <edifact:messageType>ORDRSP</edifact:messageType>
                </edifact:messageTypes>
              </edifact:parser>
            </smooks-resource-list>
            """;

    private static Smooks smooks;

    private StockEdifactParser() {
    }

    static synchronized Smooks smooks() {
        if (smooks == null) {
            try {
                smooks = new Smooks(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the stock EDIFACT parser", e);
            }
        }
        return smooks;
    }

    /** Parses one interchange to the stock DOM. */
    static Document parse(String edifact) {
        Smooks s = smooks();
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            DOMSink sink = new DOMSink(doc);
            ExecutionContext ctx = s.createExecutionContext();
            s.filterSource(ctx, new ByteSource(edifact.getBytes(StandardCharsets.UTF_8)), sink);
            Node n = sink.getNode();
            return n instanceof Document d ? d : n.getOwnerDocument();
        } catch (Exception e) {
            throw new IllegalStateException("stock parser failed", e);
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
