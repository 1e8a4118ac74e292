package io.aval.edifact.fast.internal;

/**
 * Data on which the stock reader fails for the whole interchange rather than for one message (it raises an error
 * instead of producing a BadMessage); the Aval reader rejects the interchange too.
 */
public final class UnreadableInterchange extends RuntimeException {
    public final String expected;
    public final String found;

    public UnreadableInterchange(String expected, String found) {
        super("expected " + expected + ", found " + found, null, false, false);
        this.expected = expected;
        this.found = found;
    }
}
