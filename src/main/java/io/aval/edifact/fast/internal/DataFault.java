package io.aval.edifact.fast.internal;

/** A segment whose data elements do not fit their definition; cheap to throw (no stack trace), caught per message. */
public final class DataFault extends Exception {
    public final String expected;
    public final String found;

    public DataFault(String expected, String found) {
        super("expected " + expected + ", found " + found, null, false, false);
        this.expected = expected;
        this.found = found;
    }
}
