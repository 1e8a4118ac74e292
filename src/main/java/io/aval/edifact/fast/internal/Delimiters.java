package io.aval.edifact.fast.internal;

/** The service characters of an interchange: the UNA values, or the defaults the stock reader assumes without UNA. */
public final class Delimiters {
    public final char component;
    public final char data;
    public final char decimal;
    public final char release;
    /** the repetition separator as written in the UNA (a space in syntax version 3) */
    public final char repetitionAsDeclared;
    /** the repetition separator the stock reader uses: a space in the UNA means the data element separator */
    public final char repetition;
    public final char terminator;

    public Delimiters(char component, char data, char decimal, char release, char repetitionAsDeclared, char terminator) {
        this.component = component;
        this.data = data;
        this.decimal = decimal;
        this.release = release;
        this.repetitionAsDeclared = repetitionAsDeclared;
        this.repetition = repetitionAsDeclared == ' ' ? data : repetitionAsDeclared;
        this.terminator = terminator;
    }

    public static Delimiters defaults() {
        return new Delimiters(':', '+', '.', '?', '*', '\'');
    }
}
