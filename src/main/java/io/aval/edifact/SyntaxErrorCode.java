package io.aval.edifact;

/**
 * UN/EDIFACT service code list 0085 (syntax error, coded): the reason given in a CONTRL for rejecting an
 * interchange, message or segment. Each constant says when the gateway reports it.
 */
public enum SyntaxErrorCode {
    /** UNB 0001/0002: a syntax identifier or version the gateway does not support (e.g. UNOA:2). */
    SYNTAX_VERSION_NOT_SUPPORTED("2"),
    /** UNB 0010: the interchange is addressed to a recipient that is not us (unknown recipient). */
    RECIPIENT_NOT_ACTUAL_RECIPIENT("7"),
    /** A value is not valid for its data element (bad code, bad date). */
    INVALID_VALUE("12"),
    /** A mandatory segment, element or component is missing. */
    MISSING("13"),
    /** A value that exists but is not supported at this position (e.g. a message type we do not accept). */
    VALUE_NOT_SUPPORTED("14"),
    /** A segment or element that is not allowed at this position. */
    NOT_SUPPORTED_IN_POSITION("15"),
    /** More elements or components than the segment definition has. */
    TOO_MANY_CONSTITUENTS("16"),
    /** No interchange agreement with this partner for this message. */
    NO_AGREEMENT("17"),
    /** Anything else, when no more precise code applies. */
    UNSPECIFIED_ERROR("18"),
    /** A numeric value with a bad decimal sign or notation. */
    INVALID_DECIMAL_NOTATION("19"),
    /** A character that is not in the declared character set (UNB 0001). */
    INVALID_CHARACTERS("21"),
    /** A service segment tag that is unknown or misspelt. */
    INVALID_SERVICE_SEGMENT_TAG("22"),
    /** UNB 0004: the sender is not a known partner. */
    UNKNOWN_SENDER("23"),
    /** The interchange is too old to be processed under the agreement. */
    TOO_OLD("24"),
    /** UNB 0035: test indicator set but the agreement is live (or the reverse). */
    TEST_INDICATOR_NOT_SUPPORTED("25"),
    /** UNB 0020 (or UNH 0062): the reference was already received from this sender. */
    DUPLICATE_DETECTED("26"),
    /** UNB/UNZ 0020 or UNH/UNT 0062 references differ. */
    REFERENCES_DO_NOT_MATCH("28"),
    /** UNZ 0036 (messages) or UNT 0074 (segments) does not match what was received. */
    CONTROL_COUNT_DOES_NOT_MATCH("29"),
    /** An interchange, group or message without content. */
    LOWER_LEVEL_EMPTY("32"),
    /** A segment repeats more often than the message definition allows. */
    TOO_MANY_REPETITIONS("35"),
    /** A segment group repeats more often than the message definition allows. */
    TOO_MANY_SEGMENT_GROUP_REPETITIONS("36"),
    /** Alphabetic characters in a numeric element, or the like. */
    INVALID_TYPE_OF_CHARACTERS("37"),
    /** A value longer than its element's maximum length. */
    DATA_ELEMENT_TOO_LONG("39"),
    /** A value shorter than its element's minimum length. */
    DATA_ELEMENT_TOO_SHORT("40");

    private final String code;

    SyntaxErrorCode(String code) {
        this.code = code;
    }

    /** The 0085 code as written in UCI/UCM/UCS/UCD. */
    public String code() {
        return code;
    }

    /** The code in words, for the journal: what a partner's CONTRL says was wrong. */
    public String description() {
        return switch (this) {
            case SYNTAX_VERSION_NOT_SUPPORTED -> "syntax version or level not supported";
            case RECIPIENT_NOT_ACTUAL_RECIPIENT -> "interchange recipient not actual recipient";
            case INVALID_VALUE -> "invalid value";
            case MISSING -> "missing";
            case VALUE_NOT_SUPPORTED -> "value not supported in this position";
            case NOT_SUPPORTED_IN_POSITION -> "not supported in this position";
            case TOO_MANY_CONSTITUENTS -> "too many constituents";
            case NO_AGREEMENT -> "no agreement";
            case UNSPECIFIED_ERROR -> "unspecified error";
            case INVALID_DECIMAL_NOTATION -> "invalid decimal notation";
            case INVALID_CHARACTERS -> "invalid character(s)";
            case INVALID_SERVICE_SEGMENT_TAG -> "invalid service segment tag";
            case UNKNOWN_SENDER -> "unknown interchange sender";
            case TOO_OLD -> "too old";
            case TEST_INDICATOR_NOT_SUPPORTED -> "test indicator not supported";
            case DUPLICATE_DETECTED -> "duplicate detected";
            case REFERENCES_DO_NOT_MATCH -> "references do not match";
            case CONTROL_COUNT_DOES_NOT_MATCH -> "control count does not match number of instances received";
            case LOWER_LEVEL_EMPTY -> "lower level empty";
            case TOO_MANY_REPETITIONS -> "too many repetitions";
            case TOO_MANY_SEGMENT_GROUP_REPETITIONS -> "too many segment group repetitions";
            case INVALID_TYPE_OF_CHARACTERS -> "invalid type of character(s)";
            case DATA_ELEMENT_TOO_LONG -> "data element too long";
            case DATA_ELEMENT_TOO_SHORT -> "data element too short";
        };
    }

    /** The constant for a 0085 code; {@link #UNSPECIFIED_ERROR} for codes the gateway does not know by name. */
    public static SyntaxErrorCode fromCode(String code) {
        for (SyntaxErrorCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return UNSPECIFIED_ERROR;
    }
}
