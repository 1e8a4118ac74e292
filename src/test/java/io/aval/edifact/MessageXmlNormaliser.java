package io.aval.edifact;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the mapping's message XML and the stock reader's XML for the same message comparable: the reader types
 * numbers (600.00 becomes 600, 0830 becomes 830) and emits empty mandatory components; neither changes the
 * business content. Also drops UNT (the writer computes it) and whitespace.
 */
final class MessageXmlNormaliser {

    private MessageXmlNormaliser() { }

    static Element message(Document doc) {
        Element root = doc.getDocumentElement();
        if ("Message".equals(root.getLocalName())) {
            return root;
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Message".equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no Message in " + root.getNodeName());
    }

    static Element normalise(Element element) {
        Element copy = (Element) element.cloneNode(true);
        clean(copy);
        return copy;
    }

    private static boolean clean(Element e) {
        List<Node> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            children.add(n);
        }
        boolean hasElements = children.stream().anyMatch(n -> n instanceof Element);
        for (Node n : children) {
            if (n instanceof Element c) {
                if ("UNT".equals(c.getLocalName()) || !clean(c)) {
                    e.removeChild(c);
                }
            } else if (hasElements) {
                e.removeChild(n);
            }
        }
        if (!hasElements) {
            String text = e.getTextContent();
            if (text.isEmpty()) {
                return false;
            }
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                e.setTextContent(new BigDecimal(text).stripTrailingZeros().toPlainString());
            }
            return true;
        }
        return e.getFirstChild() != null;
    }
}
