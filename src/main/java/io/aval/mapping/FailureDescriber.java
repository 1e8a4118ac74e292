package io.aval.mapping;

/** Turns an exception into one line for the journal: its own message, else its root cause's. */
public final class FailureDescriber {

    private FailureDescriber() {
    }

    public static String describe(Throwable e) {
        if (e == null) {
            return "unknown failure";
        }
        if (e instanceof MessageRejectedException) {
            return e.getMessage();
        }
        String cause = EdifactReaders.rootCause(e);
        return e.getClass().getSimpleName() + ": " + (cause.isEmpty() ? String.valueOf(e.getMessage()) : cause);
    }
}
