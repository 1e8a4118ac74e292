package io.aval.edifact.fast.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Places the segments of one message into the segment groups of its message definition, greedily and in order,
 * the way Daffodil resolves the schema pack's initiated content: a segment goes to the first node at or after the
 * current position whose trigger tag it carries and that still has room, never skipping a mandatory node that is
 * not yet satisfied; otherwise the current group is closed and the search goes on in the enclosing one.
 */
public final class MessageStructurer {

    /** a segment that does not fit where it stands, or a mandatory segment that never came */
    public static final class StructureFault extends Exception {
        public final boolean missing;
        public final int segmentIndex;
        public final String tag;
        public final String expected;

        StructureFault(boolean missing, int segmentIndex, String tag, String expected) {
            super(expected, null, false, false);
            this.missing = missing;
            this.segmentIndex = segmentIndex;
            this.tag = tag;
            this.expected = expected;
        }
    }

    private static final class Frame {
        StructureNode[] nodes;
        int pos;
        int count;
    }

    private final Frame[] stack = new Frame[32];
    private int depth;

    public MessageStructurer() {
        for (int i = 0; i < stack.length; i++) {
            stack[i] = new Frame();
        }
    }

    public void structure(MessageDef def, List<RawSegment> body, SegmentEmitter emitter, EventBuffer out)
            throws StructureFault, DataFault {
        depth = 0;
        push(def.children);
        for (int s = 0; s < body.size(); s++) {
            RawSegment seg = body.get(s);
            String tag = upperTag(seg.tag);
            while (true) {
                Frame f = stack[depth - 1];
                StructureNode[] nodes = f.nodes;
                int found = -1;
                for (int i = f.pos; i < nodes.length; i++) {
                    StructureNode node = nodes[i];
                    int cnt = i == f.pos ? f.count : 0;
                    if (node.triggerTag.equals(tag) && cnt < node.effectiveMax()) {
                        found = i;
                        break;
                    }
                    if (cnt < node.min) {
                        break;
                    }
                }
                if (found >= 0) {
                    f.count = found == f.pos ? f.count + 1 : 1;
                    f.pos = found;
                    StructureNode node = nodes[found];
                    if (node.isGroup()) {
                        out.start(node.name);
                        push(node.children);
                        continue;
                    }
                    emitter.emit(node.name, node.segment, seg.body, out);
                    break;
                }
                if (depth == 1) {
                    throw new StructureFault(false, s, seg.tag, expectedAt(f));
                }
                close(f, s, seg.tag);
                depth--;
                out.end();
            }
        }
        while (depth > 0) {
            close(stack[depth - 1], body.size(), "UNT");
            if (depth > 1) {
                out.end();
            }
            depth--;
        }
    }

    private void close(Frame f, int segmentIndex, String tag) throws StructureFault {
        for (int i = f.pos; i < f.nodes.length; i++) {
            int cnt = i == f.pos ? f.count : 0;
            if (cnt < f.nodes[i].min) {
                throw new StructureFault(true, segmentIndex, tag, "mandatory " + describe(f.nodes[i]));
            }
        }
    }

    private static String describe(StructureNode node) {
        return node.isGroup() ? node.name + " (starting with " + node.triggerTag + ")" : node.triggerTag;
    }

    private String expectedAt(Frame f) {
        List<String> tags = new ArrayList<>();
        for (int d = depth - 1; d >= 0; d--) {
            Frame fr = stack[d];
            for (int i = fr.pos; i < fr.nodes.length; i++) {
                StructureNode node = fr.nodes[i];
                int cnt = i == fr.pos ? fr.count : 0;
                if (cnt < node.effectiveMax() && !tags.contains(node.triggerTag)) {
                    tags.add(node.triggerTag);
                }
                if (cnt < node.min) {
                    return "one of " + tags;
                }
            }
        }
        tags.add("UNT");
        return "one of " + tags;
    }

    private void push(StructureNode[] nodes) {
        if (depth == stack.length) {
            throw new IllegalStateException("segment groups nested deeper than " + stack.length);
        }
        Frame f = stack[depth++];
        f.nodes = nodes;
        f.pos = 0;
        f.count = 0;
    }

    static String upperTag(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return tag.toUpperCase(java.util.Locale.ROOT);
            }
        }
        return tag;
    }
}
