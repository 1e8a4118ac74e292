package io.aval.edifact.fast.internal;

import java.util.List;

/**
 * A segment or a segment group at its place in a message, with its occurrence bounds. The upper bound is
 * enforced only for nodes Daffodil counts "implicitly"; nodes with {@code dfdl:occursCountKind="parsed"} take
 * as many occurrences as the data holds (validation is off in the stock reader).
 */
public final class StructureNode {
    public final String name;
    public final int min;
    public final int max;
    public final boolean parsedCount;
    /** non-null for a segment */
    public final SegmentDef segment;
    /** non-null for a group; the first child is its trigger segment */
    public final StructureNode[] children;
    /** the tag that opens this node: the segment's own tag or the group's trigger tag */
    public final String triggerTag;

    StructureNode(String name, int min, int max, boolean parsedCount, SegmentDef segment, List<StructureNode> children) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.parsedCount = parsedCount;
        this.segment = segment;
        this.children = children == null ? null : children.toArray(new StructureNode[0]);
        this.triggerTag = segment != null ? segment.tag : this.children[0].triggerTag;
    }

    public boolean isGroup() {
        return children != null;
    }

    /** the number of occurrences the reader accepts */
    public int effectiveMax() {
        return parsedCount ? Integer.MAX_VALUE : max;
    }
}
