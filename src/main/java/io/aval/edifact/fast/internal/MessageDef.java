package io.aval.edifact.fast.internal;

import java.util.List;

/** A message type of the schema pack (ORDERS, INVOIC...): the sequence of segments and groups between UNH and UNT. */
public final class MessageDef {
    public final String type;
    public final StructureNode[] children;

    MessageDef(String type, List<StructureNode> children) {
        this.type = type;
        this.children = children.toArray(new StructureNode[0]);
    }
}
