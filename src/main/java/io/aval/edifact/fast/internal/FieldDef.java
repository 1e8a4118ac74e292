package io.aval.edifact.fast.internal;

import java.util.List;

/**
 * One position of a segment (between two data element separators): a simple data element or a composite.
 * A field declared inside a repetition sequence repeats with the repetition separator and keeps empty
 * repeats as nil elements.
 */
public final class FieldDef {
    public final String name;
    public final int min;
    public final int max;
    public final boolean repeating;
    /** non-null for a simple data element */
    public final SimpleDef simple;
    /** non-null for a composite */
    public final SimpleDef[] components;

    FieldDef(String name, int min, int max, boolean repeating, SimpleDef simple, List<SimpleDef> components) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.repeating = repeating;
        this.simple = simple;
        this.components = components == null ? null : components.toArray(new SimpleDef[0]);
    }

    public boolean isComposite() {
        return components != null;
    }
}
