package io.aval.edifact.fast.internal;

import java.util.List;

/** A segment type of the schema pack: its tag and its fields in order. */
public final class SegmentDef {
    public final String tag;
    public final FieldDef[] fields;

    SegmentDef(String tag, List<FieldDef> fields) {
        this.tag = tag;
        this.fields = fields.toArray(new FieldDef[0]);
    }
}
