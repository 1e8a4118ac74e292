package io.aval.edifact;

/**
 * What the envelope checks can find wrong with an interchange. Findings are data: they go to
 * the journal and, as their UN/EDIFACT 0085 syntax error code, into CONTRL.
 */
public enum EdifactFinding {
    /** The file has no bytes, or only blanks. */
    EMPTY_INPUT(Level.INTERCHANGE, "32", "the file is empty"),
    /** Control bytes (NUL, …) that no EDIFACT character set allows. */
    BINARY_CONTENT(Level.INTERCHANGE, "21", "binary content, not EDIFACT text"),
    /** The text does not start with UNA or UNB. */
    NOT_EDIFACT(Level.INTERCHANGE, "13", "not an EDIFACT interchange (no UNA or UNB at the start)"),
    /** UNA is shorter than nine characters or repeats a service character. */
    UNA_INVALID(Level.INTERCHANGE, "20", "invalid UNA service string advice"),
    /** UNB lacks a mandatory element or has a malformed one. */
    UNB_INVALID(Level.INTERCHANGE, "13", "invalid UNB interchange header"),
    /** Syntax identifier or version this gateway does not read. */
    SYNTAX_NOT_SUPPORTED(Level.INTERCHANGE, "2", "syntax identifier or version not supported"),
    /** A byte that is not valid in the declared character set. */
    INVALID_CHARACTER(Level.INTERCHANGE, "21", "character not valid in the declared character set"),
    /** The file is larger than {@code aval.limits.max-interchange-bytes}: refused before it is read. */
    INTERCHANGE_TOO_LARGE(Level.INTERCHANGE, "18", "the interchange is larger than the gateway accepts"),
    /** One segment is longer than {@code aval.limits.max-segment-bytes}: no real segment is, a broken or hostile file is. */
    SEGMENT_TOO_LARGE(Level.INTERCHANGE, "39", "segment longer than the gateway accepts"),
    /** A message has more segments than {@code aval.limits.max-message-segments} (at most what UNT can count). */
    TOO_MANY_SEGMENTS(Level.INTERCHANGE, "16", "message has more segments than the gateway accepts"),
    /** The file ends inside a segment: cut short in transit. */
    TRUNCATED(Level.INTERCHANGE, "13", "the interchange is truncated"),
    /** No UNZ trailer. */
    UNZ_MISSING(Level.INTERCHANGE, "13", "UNZ interchange trailer missing"),
    /** UNZ control reference differs from UNB's. */
    UNZ_REFERENCE_MISMATCH(Level.INTERCHANGE, "28", "UNZ reference does not match UNB"),
    /** UNZ message count differs from the number of messages. */
    UNZ_COUNT_MISMATCH(Level.INTERCHANGE, "29", "UNZ message count does not match"),
    /** Segments after UNZ, or between messages. */
    SEGMENT_OUTSIDE_MESSAGE(Level.INTERCHANGE, "33", "segment outside any message"),
    /** An interchange with no message at all. */
    NO_MESSAGE(Level.INTERCHANGE, "32", "the interchange holds no message"),
    /** UNB sender is no known partner. */
    UNKNOWN_SENDER(Level.INTERCHANGE, "23", "unknown interchange sender"),
    /** UNB recipient is not the supplier (nor, for an archive, a known partner). */
    UNKNOWN_RECIPIENT(Level.INTERCHANGE, "7", "interchange recipient is not the supplier"),
    /** Same sender, recipient and control reference as an interchange already accepted. */
    DUPLICATE_INTERCHANGE(Level.INTERCHANGE, "26", "duplicate interchange"),
    /** UNH lacks its reference or message identifier. */
    UNH_INVALID(Level.MESSAGE, "13", "invalid UNH message header"),
    /** A message without UNT. */
    UNT_MISSING(Level.MESSAGE, "13", "UNT message trailer missing"),
    /** UNT reference differs from UNH's. */
    UNT_REFERENCE_MISMATCH(Level.MESSAGE, "28", "UNT reference does not match UNH"),
    /** UNT segment count differs from the segments counted UNH..UNT. */
    UNT_SEGMENT_COUNT_MISMATCH(Level.MESSAGE, "29", "UNT segment count does not match"),
    /** A message type the partner profile does not allow. */
    MESSAGE_TYPE_NOT_AGREED(Level.MESSAGE, "17", "message type not in the partner agreement"),
    /** The message's directory (D96A, D01B, …) is not read here or not agreed. */
    DIRECTORY_NOT_SUPPORTED(Level.MESSAGE, "14", "message directory not supported"),
    /** A segment tag that is not three letters/digits. */
    INVALID_SEGMENT_TAG(Level.MESSAGE, "12", "invalid segment tag"),
    /** The EDIFACT reader could not structure the message against its directory. */
    MESSAGE_STRUCTURE(Level.MESSAGE, "18", "message does not match its directory's structure");

    /** Where a finding stops processing: the whole interchange or one message. */
    public enum Level { INTERCHANGE, MESSAGE }

    private final Level level;
    private final String syntaxErrorCode;
    private final String description;

    EdifactFinding(Level level, String syntaxErrorCode, String description) {
        this.level = level;
        this.syntaxErrorCode = syntaxErrorCode;
        this.description = description;
    }

    public Level level() {
        return level;
    }

    /** The UN/EDIFACT data element 0085 code for CONTRL. */
    public String syntaxErrorCode() {
        return syntaxErrorCode;
    }

    public String description() {
        return description;
    }
}
