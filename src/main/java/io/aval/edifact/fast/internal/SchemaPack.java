package io.aval.edifact.fast.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message, segment and composite structure of one Smooks EDIFACT schema pack (e.g. {@code /d96a/EDIFACT-Messages.dfdl.xsd}),
 * read from the pack's own DFDL schemas on the classpath. It is read once per schema URI and shared: reading it takes
 * a fraction of a second, where compiling the same schemas with Daffodil takes many seconds.
 */
public final class SchemaPack {
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String DFDL = "http://www.ogf.org/dfdl/dfdl-1.0/";
    private static final String SERVICE_SEGMENTS = "/EDIFACT-Common/EDIFACT-Service-Segments-4.1.dfdl.xsd";
    private static final Map<String, SchemaPack> CACHE = new ConcurrentHashMap<>();

    /** e.g. D96A: the prefix of the pack's namespace in the XML */
    public final String version;
    public final String namespace;
    public final String schemaUri;
    private final Map<String, MessageDef> messages;
    private final Map<String, SegmentDef> serviceSegments;
    private final Map<String, SegmentDef> segmentsByTag;

    private SchemaPack(String schemaUri, String version, Map<String, MessageDef> messages, Map<String, SegmentDef> serviceSegments,
                       Map<String, SegmentDef> segmentsByTag) {
        this.schemaUri = schemaUri;
        this.version = version;
        this.namespace = "http://www.ibm.com/dfdl/edi/un/edifact/" + version;
        this.messages = messages;
        this.serviceSegments = serviceSegments;
        this.segmentsByTag = segmentsByTag;
    }

    /** the schema pack whose XML namespace this is (http://www.ibm.com/dfdl/edi/un/edifact/D96A: /d96a/EDIFACT-Messages.dfdl.xsd) */
    public static SchemaPack forNamespace(String namespace) {
        String version = namespace.substring(namespace.lastIndexOf('/') + 1);
        return forSchemaUri("/" + version.toLowerCase(java.util.Locale.ROOT) + "/EDIFACT-Messages.dfdl.xsd");
    }

    /** the definition of a segment by tag, as used by the messages of the pack (service segments included) */
    public SegmentDef segmentByTag(String tag) {
        SegmentDef def = segmentsByTag.get(tag);
        return def != null ? def : serviceSegments.get(tag);
    }

    public static SchemaPack forSchemaUri(String schemaUri) {
        return CACHE.computeIfAbsent(schemaUri, SchemaPack::load);
    }

    public MessageDef message(String type) {
        return messages.get(type);
    }

    public boolean hasMessage(String type) {
        return messages.containsKey(type);
    }

    /** UNB, UNG, UNH, UNT, UNE, UNZ */
    public SegmentDef serviceSegment(String tag) {
        return serviceSegments.get(tag);
    }

    private static SchemaPack load(String schemaUri) {
        int slash = schemaUri.lastIndexOf('/');
        String dir = schemaUri.substring(0, slash + 1);
        String version = dir.replace("/", "").toUpperCase();
        try {
            Document messagesDoc = parse(schemaUri);
            Document segmentsDoc = parse(dir + "EDIFACT-Segments.dfdl.xsd");
            Document serviceDoc = parse(SERVICE_SEGMENTS);
            TypeIndex pack = new TypeIndex(segmentsDoc);
            TypeIndex service = new TypeIndex(serviceDoc);

            Map<String, SegmentDef> serviceSegments = new HashMap<>();
            for (String tag : List.of("UNB", "UNG", "UNH", "UNT", "UNE", "UNZ")) {
                String typeName = service.segmentTypeName(tag);
                serviceSegments.put(tag, service.segment(tag, typeName));
            }
            Map<String, MessageDef> messages = new HashMap<>();
            Map<String, Element> messageTypes = new HashMap<>();
            for (Element ct : children(messagesDoc.getDocumentElement(), "complexType")) {
                messageTypes.put(ct.getAttribute("name"), ct);
            }
            for (Element el : children(messagesDoc.getDocumentElement(), "element")) {
                String name = el.getAttribute("name");
                Element ct = messageTypes.get(localName(el.getAttribute("type")));
                if (ct == null || name.equals("BadMessage")) {
                    continue;
                }
                List<StructureNode> nodes = new ArrayList<>();
                collectStructure(firstChild(ct, "sequence"), pack, service, nodes);
                messages.put(name, new MessageDef(name, nodes));
            }
            Map<String, SegmentDef> byTag = new HashMap<>();
            for (MessageDef m : messages.values()) {
                indexSegments(m.children, byTag);
            }
            return new SchemaPack(schemaUri, version, Collections.unmodifiableMap(messages), serviceSegments, byTag);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read EDIFACT schema pack " + schemaUri
                    + " (is the edifact-schemas jar for it on the classpath?): " + e.getMessage(), e);
        }
    }

    private static void indexSegments(StructureNode[] nodes, Map<String, SegmentDef> byTag) {
        for (StructureNode n : nodes) {
            if (n.isGroup()) {
                indexSegments(n.children, byTag);
            } else {
                byTag.putIfAbsent(n.segment.tag, n.segment);
            }
        }
    }

    private static void collectStructure(Element sequence, TypeIndex pack, TypeIndex service, List<StructureNode> out) {
        for (Element child : childElements(sequence)) {
            String kind = child.getLocalName();
            if (kind.equals("sequence")) {
                collectStructure(child, pack, service, out);
            } else if (kind.equals("element")) {
                String name = child.getAttribute("name");
                int min = occurs(child, "minOccurs");
                int max = occurs(child, "maxOccurs");
                boolean parsed = "parsed".equals(child.getAttributeNS(DFDL, "occursCountKind"));
                if (child.hasAttribute("type")) {
                    String tag = child.getAttributeNS(DFDL, "initiator");
                    String type = child.getAttribute("type");
                    TypeIndex index = type.startsWith("srv:") ? service : pack;
                    SegmentDef seg = index.segment(tag, localName(type));
                    out.add(new StructureNode(name, min, max, parsed, seg, null));
                } else {
                    List<StructureNode> groupChildren = new ArrayList<>();
                    collectStructure(firstChild(firstChild(child, "complexType"), "sequence"), pack, service, groupChildren);
                    out.add(new StructureNode(name, min, max, parsed, null, groupChildren));
                }
            }
        }
    }

    /** complexTypes and simpleTypes of one schema document, by name, turned into segment definitions on demand */
    private static final class TypeIndex {
        private final Map<String, Element> complexTypes = new HashMap<>();
        private final Map<String, Element> simpleTypes = new HashMap<>();
        private final Map<String, SegmentDef> segments = new HashMap<>();

        TypeIndex(Document doc) {
            for (Element e : childElements(doc.getDocumentElement())) {
                if (e.getLocalName().equals("complexType")) {
                    complexTypes.put(e.getAttribute("name"), e);
                } else if (e.getLocalName().equals("simpleType")) {
                    simpleTypes.put(e.getAttribute("name"), e);
                }
            }
        }

        String segmentTypeName(String tag) {
            for (String name : complexTypes.keySet()) {
                if (name.startsWith(tag + "-")) {
                    return name;
                }
            }
            throw new IllegalStateException("no segment type for " + tag);
        }

        SegmentDef segment(String tag, String typeName) {
            return segments.computeIfAbsent(typeName, n -> {
                Element ct = complexTypes.get(n);
                if (ct == null) {
                    throw new IllegalStateException("unknown segment type " + n);
                }
                List<FieldDef> fields = new ArrayList<>();
                for (Element child : childElements(firstChild(ct, "sequence"))) {
                    if (child.getLocalName().equals("sequence")) {
                        for (Element rep : childElements(child)) {
                            if (rep.getLocalName().equals("element")) {
                                fields.add(field(rep, true));
                            }
                        }
                    } else if (child.getLocalName().equals("element")) {
                        fields.add(field(child, false));
                    }
                }
                return new SegmentDef(tag, fields);
            });
        }

        private FieldDef field(Element el, boolean repeating) {
            String name = el.getAttribute("name");
            int min = occurs(el, "minOccurs");
            int max = occurs(el, "maxOccurs");
            String type = localName(el.getAttribute("type"));
            Element ct = complexTypes.get(type);
            if (ct == null) {
                return new FieldDef(name, min, max, repeating, simple(name, min, max, type), null);
            }
            List<SimpleDef> components = new ArrayList<>();
            for (Element c : childElements(firstChild(ct, "sequence"))) {
                if (c.getLocalName().equals("element")) {
                    components.add(simple(c.getAttribute("name"), occurs(c, "minOccurs"), occurs(c, "maxOccurs"),
                            localName(c.getAttribute("type"))));
                }
            }
            return new FieldDef(name, min, max, repeating, null, components);
        }

        private SimpleDef simple(String name, int min, int max, String type) {
            String pattern = "";
            boolean decimal = false;
            String t = type;
            for (int guard = 0; guard < 10 && t != null; guard++) {
                if (t.equals("decimal") || t.equals("integer") || t.equals("int") || t.equals("long")) {
                    decimal = true;
                    break;
                }
                Element st = simpleTypes.get(t);
                if (st == null) {
                    break;
                }
                if (st.hasAttributeNS(DFDL, "textNumberPattern") && pattern.isEmpty()) {
                    pattern = st.getAttributeNS(DFDL, "textNumberPattern");
                }
                Element restriction = firstChild(st, "restriction");
                t = restriction == null ? null : localName(restriction.getAttribute("base"));
            }
            return new SimpleDef(name, min, max, decimal, decimal ? pattern : "");
        }
    }

    private static Document parse(String resource) throws Exception {
        try (InputStream in = SchemaPack.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource not found on the classpath: " + resource);
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(in);
        }
    }

    private static int occurs(Element e, String attr) {
        String v = e.getAttribute(attr);
        if (v.isEmpty()) {
            return 1;
        }
        return v.equals("unbounded") ? Integer.MAX_VALUE : Integer.parseInt(v);
    }

    private static String localName(String qname) {
        int i = qname.indexOf(':');
        return i < 0 ? qname : qname.substring(i + 1);
    }

    private static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && XSD.equals(n.getNamespaceURI())) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : childElements(parent)) {
            if (e.getLocalName().equals(localName)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element firstChild(Element parent, String localName) {
        for (Element e : childElements(parent)) {
            if (e.getLocalName().equals(localName)) {
                return e;
            }
        }
        return null;
    }
}
