package io.aval.signal.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Namespace-agnostic navigation of the stock EDIFACT XML: segments and elements are matched by
 * local name only, so D96A and D01B trees (different namespaces, same segment names) read alike.
 */
public final class Dom {

    private Dom() {
    }

    public static String localName(Node n) {
        String ln = n.getLocalName();
        if (ln == null) {
            ln = n.getNodeName();
            int colon = ln.indexOf(':');
            if (colon >= 0) {
                ln = ln.substring(colon + 1);
            }
        }
        return ln;
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    public static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localName(e))) {
                return e;
            }
        }
        return null;
    }

    /** Descendants in document order with the given local name. */
    public static List<Element> descendants(Element root, String localName) {
        return descendants(root, Set.of(localName)).get(localName);
    }

    /**
     * {@link #descendants(Element, String)} for several names in one walk of the tree: for each name, its
     * descendants in document order (an empty list for a name not found). Cheaper than a walk per name
     * when the tree is a DOM view that makes a wrapper object for every node it visits.
     */
    public static Map<String, List<Element>> descendants(Element root, Set<String> localNames) {
        Map<String, List<Element>> out = new HashMap<>();
        for (String name : localNames) {
            out.put(name, new ArrayList<>());
        }
        collect(root, out);
        return out;
    }

    private static void collect(Element e, Map<String, List<Element>> out) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                List<Element> found = out.get(localName(c));
                if (found != null) {
                    found.add(c);
                }
                collect(c, out);
            }
        }
    }

    /**
     * The elements with the given local name that are not inside another one of that name, in document order: the
     * walk does not enter what it found. For a message's tree, where the {@code Message} element holds nearly every
     * node, finding it costs the few nodes of the envelope instead of a walk of the whole message.
     */
    public static List<Element> outermost(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        collectOutermost(root, localName, out);
        return out;
    }

    private static void collectOutermost(Element e, String localName, List<Element> out) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if (localName.equals(localName(c))) {
                    out.add(c);
                } else {
                    collectOutermost(c, localName, out);
                }
            }
        }
    }

    /** Text at a child path such as {@code C507/E2380}; null when absent or blank. */
    public static String text(Element from, String... path) {
        Element cur = from;
        for (String step : path) {
            if (cur == null) {
                return null;
            }
            cur = child(cur, step);
        }
        if (cur == null) {
            return null;
        }
        String t = cur.getTextContent();
        return t == null || t.isBlank() ? null : t.trim();
    }

    /** All non-blank texts of the direct children named {@code localName} of {@code from}. */
    public static List<String> texts(Element from, String localName) {
        List<String> out = new ArrayList<>();
        for (Element e : children(from, localName)) {
            String t = e.getTextContent();
            if (t != null && !t.isBlank()) {
                out.add(t.trim());
            }
        }
        return out;
    }
}
