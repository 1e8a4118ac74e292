package io.aval.edifact.fast;

/** XML that cannot be written as EDIFACT: not in the stock reader's shape, or a value that does not fit its element. */
public class EdifactWriteException extends RuntimeException {
    public EdifactWriteException(String message) {
        super(message);
    }

    public EdifactWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
