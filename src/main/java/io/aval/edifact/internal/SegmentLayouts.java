package io.aval.edifact.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Positional layout of every segment and composite of one EDIFACT directory, read from the very DFDL
 * schema pack the stock Smooks reader uses ({@code /d96a/EDIFACT-Segments.dfdl.xsd} and the service
 * segments), so that the writer puts each element at the position the reader expects without a
 * hand-kept copy of the directory. Reading the XSD with DOM takes milliseconds; no DFDL compile.
 */
public final class SegmentLayouts {

    /** One position (or run of repeat positions) of a segment or composite. */
    public record Slot(String name, int maxOccurs, String typeName) { }

    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String SERVICE_SEGMENTS = "/EDIFACT-Common/EDIFACT-Service-Segments-4.1.dfdl.xsd";
    private static final Map<String, SegmentLayouts> CACHE = new ConcurrentHashMap<>();

    private final Map<String, List<Slot>> segments = new HashMap<>();
    private final Map<String, List<Slot>> complexTypes = new HashMap<>();

    private SegmentLayouts() { }

    /** Layouts for a directory such as {@code D96A} or {@code D01B}; service segments (UNx, UCx) included. */
    public static SegmentLayouts forDirectory(String directory) {
        return CACHE.computeIfAbsent(directory.toUpperCase(), d -> {
            SegmentLayouts layouts = new SegmentLayouts();
            layouts.load(SERVICE_SEGMENTS);
            layouts.load("/" + d.toLowerCase() + "/EDIFACT-Segments.dfdl.xsd");
            return layouts;
        });
    }

    /** Layouts of the service segments only (UNB, UNH, UCI, UCM, …), the only ones CONTRL needs. */
    public static SegmentLayouts service() {
        return CACHE.computeIfAbsent("SERVICE", d -> {
            SegmentLayouts layouts = new SegmentLayouts();
            layouts.load(SERVICE_SEGMENTS);
            return layouts;
        });
    }

    public List<Slot> segment(String tag) {
        return segments.get(tag);
    }

    /** The component slots of a composite (slot type), or null when the slot is a simple element. */
    public List<Slot> composite(Slot slot) {
        return slot.name().matches("[CS]\\d{3}") ? complexTypes.get(slot.typeName()) : null;
    }

    private void load(String resource) {
        Document doc;
        try (InputStream in = SegmentLayouts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("EDIFACT schema pack resource not on the classpath: " + resource);
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            doc = f.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read EDIFACT schema pack " + resource, e);
        }
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XSD.equals(e.getNamespaceURI()) && "complexType".equals(e.getLocalName())) {
                String name = e.getAttribute("name");
                List<Slot> slots = new ArrayList<>();
                collect(e, slots);
                complexTypes.put(name, slots);
                int dash = name.indexOf('-');
                if (dash == 3 && name.substring(0, 3).matches("[A-Z][A-Z0-9]{2}")) {
                    segments.putIfAbsent(name.substring(0, 3), slots);
                }
            }
        }
    }

    private static void collect(Element parent, List<Slot> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !XSD.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "sequence" -> collect(e, out);
                case "element" -> {
                    String max = e.getAttribute("maxOccurs");
                    int maxOccurs = max.isEmpty() ? 1 : "unbounded".equals(max) ? 99 : Integer.parseInt(max);
                    String type = e.getAttribute("type");
                    out.add(new Slot(e.getAttribute("name"), maxOccurs, type.substring(type.indexOf(':') + 1)));
                }
                default -> { }
            }
        }
    }
}
