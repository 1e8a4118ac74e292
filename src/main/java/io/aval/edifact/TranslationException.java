package io.aval.edifact;

/**
 * A technical failure of outbound translation or enveloping: something that stops the interchange from
 * being produced. EDI findings about partner data are not exceptions; they are {@link ContrlReport.Finding}s.
 * Carries a code for the journal and, when known, the interchange reference and partner concerned.
 */
public class TranslationException extends RuntimeException {

    /** Why the interchange could not be produced. */
    public enum Failure {
        /** The partner profile is inconsistent (syntax version, charset, identifiers). */
        INVALID_PROFILE,
        /** The mapping file is missing or failed (XSLT compile or run time error). */
        MAPPING_FAILED,
        /** The message XML does not have the stock reader's shape (unknown segment or element). */
        INVALID_MESSAGE_XML,
        /** A value contains a character the partner's syntax identifier cannot carry (policy REJECT). */
        CHARSET_VIOLATION,
        /** The message belongs to a directory the gateway has no schema pack for. */
        UNSUPPORTED_DIRECTORY,
        /** The input document is not a UBL document type that has an outbound mapping. */
        UNSUPPORTED_DOCUMENT,
        /** An inbound CONTRL cannot be read. */
        UNREADABLE_CONTRL
    }

    private final Failure failure;
    private final String interchangeReference;
    private final String partner;

    public TranslationException(Failure failure, String message, String interchangeReference, String partner) {
        this(failure, message, interchangeReference, partner, null);
    }

    public TranslationException(Failure failure, String message, String interchangeReference, String partner,
                                Throwable cause) {
        super(failure + ": " + message, cause);
        this.failure = failure;
        this.interchangeReference = interchangeReference;
        this.partner = partner;
    }

    public Failure failure() {
        return failure;
    }

    /** UNB 0020 of the interchange concerned, null when not yet assigned. */
    public String interchangeReference() {
        return interchangeReference;
    }

    /** The partner (UNB recipient id) concerned, null when unknown. */
    public String partner() {
        return partner;
    }
}
