package io.aval.edifact.fast;

/**
 * An interchange the reader cannot turn into XML. It says where (segment position, 1-based, UNA not counted, and tag),
 * what the schema pack expected there and what the data held, so the journal and CONTRL can point at the fault.
 */
public class EdifactReadException extends RuntimeException {

    /** what went wrong; each constant says when it happens */
    public enum Code {
        /** the input ends inside a segment or before UNZ */
        TRUNCATED,
        /** the input does not start with UNA or UNB, or a segment tag is not a tag */
        NOT_EDIFACT,
        /** UNB declares a syntax version other than 3 or 4 (the stock reader supports only these) */
        UNSUPPORTED_SYNTAX_VERSION,
        /** a service segment (UNB, UNH, UNT, UNZ...) is missing or out of place */
        ENVELOPE,
        /** the message type in UNH is not one of the configured message types of the schema pack */
        UNKNOWN_MESSAGE_TYPE,
        /** a segment is not allowed at this place of the message (unknown, out of order or too many) */
        UNEXPECTED_SEGMENT,
        /** a mandatory segment or group is missing */
        MISSING_SEGMENT,
        /** a segment's data elements do not fit its definition (too many elements or components, bad number) */
        BAD_DATA_ELEMENT
    }

    private final Code code;
    private final int segmentPosition;
    private final String segmentTag;
    private final String expected;
    private final String found;

    public EdifactReadException(Code code, int segmentPosition, String segmentTag, String expected, String found) {
        super(code + " at segment " + segmentPosition + (segmentTag == null ? "" : " (" + segmentTag + ")")
                + ": expected " + expected + ", found " + found);
        this.code = code;
        this.segmentPosition = segmentPosition;
        this.segmentTag = segmentTag;
        this.expected = expected;
        this.found = found;
    }

    public Code code() {
        return code;
    }

    /** 1-based position of the offending segment in the interchange (UNA not counted) */
    public int segmentPosition() {
        return segmentPosition;
    }

    public String segmentTag() {
        return segmentTag;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
