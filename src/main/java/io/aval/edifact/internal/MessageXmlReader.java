package io.aval.edifact.internal;

import io.aval.edifact.EdifactDirectory;
import io.aval.edifact.TranslationException;
import io.aval.edifact.TranslationException.Failure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns message XML in the stock {@code edifact:parser} shape ({@code <D96A:Message><UNH/><D96A:INVOIC>…}) into
 * positional segments, placing each element at the position the directory's schema pack gives it.
 * Anything that is not in the schema is a mapping bug and stops the write, rather than producing an
 * interchange the partner would reject.
 */
public final class MessageXmlReader {

    /** The segments of one message, UNH first, body segments in order, no UNT. */
    public record MessageSegments(EdifactDirectory directory, String messageType, List<Segment> segments) { }

    private final CharacterRepertoire repertoire;

    public MessageXmlReader(CharacterRepertoire repertoire) {
        this.repertoire = repertoire;
    }

    /** Accepts a Document or Element that is a {@code Message}, or an {@code Interchange} holding messages. */
    public List<MessageSegments> read(Node node) {
        Element root = node instanceof Document d ? d.getDocumentElement() : (Element) node;
        List<MessageSegments> out = new ArrayList<>();
        if ("Interchange".equals(root.getLocalName())) {
            for (Element m : children(root)) {
                if ("Message".equals(m.getLocalName())) {
                    out.add(readMessage(m));
                }
            }
        } else if ("Message".equals(root.getLocalName())) {
            out.add(readMessage(root));
        } else {
            throw invalid("expected a Message or Interchange element, found <" + root.getNodeName() + ">");
        }
        return out;
    }

    private MessageSegments readMessage(Element message) {
        List<Element> parts = children(message);
        Element unh = parts.stream().filter(e -> "UNH".equals(e.getLocalName())).findFirst()
                .orElseThrow(() -> invalid("message without UNH"));
        Element s009 = children(unh).stream().filter(e -> "S009".equals(e.getLocalName())).findFirst()
                .orElseThrow(() -> invalid("UNH without S009 message identifier"));
        String type = childText(s009, "E0065");
        EdifactDirectory directory = EdifactDirectory.fromRelease(childText(s009, "E0052"), childText(s009, "E0054"));
        SegmentLayouts layouts = SegmentLayouts.forDirectory(directory.name());
        List<Segment> segments = new ArrayList<>();
        segments.add(segment(unh, layouts));
        for (Element part : parts) {
            String name = part.getLocalName();
            if (!"UNH".equals(name) && !"UNT".equals(name)) {
                body(part, layouts, segments);
            }
        }
        return new MessageSegments(directory, type, segments);
    }

    private void body(Element container, SegmentLayouts layouts, List<Segment> out) {
        for (Element child : children(container)) {
            String name = child.getLocalName();
            if (name.startsWith("SegGrp")) {
                body(child, layouts, out);
            } else if (name.matches("[A-Z][A-Z0-9]{2}")) {
                out.add(segment(child, layouts));
            } else {
                throw invalid("<" + child.getNodeName() + "> is neither a segment nor a segment group");
            }
        }
    }

    private Segment segment(Element seg, SegmentLayouts layouts) {
        String tag = seg.getLocalName();
        List<SegmentLayouts.Slot> slots = layouts.segment(tag);
        if (slots == null) {
            throw invalid("segment " + tag + " is not in the schema pack");
        }
        List<List<String>> elements = new ArrayList<>();
        place(seg, slots, tag, (position, child, slot) -> {
            List<SegmentLayouts.Slot> compSlots = layouts.composite(slot);
            List<String> comps;
            if (compSlots == null) {
                comps = List.of(repertoire.fit(child.getTextContent(), tag + "/" + slot.name()));
            } else {
                List<String> c = new ArrayList<>();
                place(child, compSlots, tag + "/" + slot.name(), (cpos, comp, cslot) -> {
                    while (c.size() <= cpos) {
                        c.add("");
                    }
                    c.set(cpos, repertoire.fit(comp.getTextContent(), tag + "/" + slot.name() + "/" + cslot.name()));
                });
                comps = c;
            }
            while (elements.size() <= position) {
                elements.add(List.of());
            }
            elements.set(position, comps);
        });
        return new Segment(tag, elements);
    }

    private interface Placement {
        void at(int position, Element child, SegmentLayouts.Slot slot);
    }

    /** Assigns each child element to its position among the slots, honouring slot order and repeats. */
    private static void place(Element parent, List<SegmentLayouts.Slot> slots, String where, Placement placement) {
        int slot = 0;
        int repeat = -1;
        for (Element child : children(parent)) {
            String name = child.getLocalName();
            int found = -1;
            if (slot < slots.size() && slots.get(slot).name().equals(name) && repeat + 1 < slots.get(slot).maxOccurs()) {
                found = slot;
                repeat++;
            } else {
                for (int i = repeat < 0 ? slot : slot + 1; i < slots.size(); i++) {
                    if (slots.get(i).name().equals(name)) {
                        found = i;
                        repeat = 0;
                        break;
                    }
                }
            }
            if (found < 0) {
                throw invalid("<" + name + "> is not allowed at this place in " + where
                        + " (expected one of " + slots.stream().map(SegmentLayouts.Slot::name).toList() + ")");
            }
            slot = found;
            int position = 0;
            for (int i = 0; i < slot; i++) {
                position += slots.get(i).maxOccurs();
            }
            placement.at(position + repeat, child, slots.get(slot));
        }
    }

    private static String childText(Element parent, String name) {
        return children(parent).stream().filter(e -> name.equals(e.getLocalName())).findFirst()
                .map(Node::getTextContent).orElse("");
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static TranslationException invalid(String message) {
        return new TranslationException(Failure.INVALID_MESSAGE_XML, message, null, null);
    }
}
