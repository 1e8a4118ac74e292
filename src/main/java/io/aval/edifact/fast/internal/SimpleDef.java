package io.aval.edifact.fast.internal;

/** A data element (simple value) as declared in the schema pack: name, occurrences and whether Daffodil reads it as a decimal. */
public final class SimpleDef {
    public final String name;
    public final int min;
    public final int max;
    public final boolean decimal;
    /** the dfdl:textNumberPattern of a decimal (e.g. "0000" pads on writing), "" when none */
    public final String numberPattern;

    SimpleDef(String name, int min, int max, boolean decimal, String numberPattern) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.decimal = decimal;
        this.numberPattern = numberPattern;
    }
}
