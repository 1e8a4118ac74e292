package io.aval.edifact;

import java.util.Objects;

/**
 * What a partner agreement says about the interchanges Aval sends to that partner: the envelope
 * (UNB) fields and the directory the partner's messages are mapped to. Plain data; the lead's partner
 * directory builds one per partner and sets {@link #controlReference()} per interchange from
 * {@code io.aval.partner.ControlNumberSequence}.
 *
 * @param syntaxVersion        UNB 0002: 3 (dates YYMMDD) or 4 (dates CCYYMMDD, {@code *} released)
 * @param charset              UNB 0001 syntax identifier; decides the byte encoding too
 * @param charsetPolicy        transliterate or reject text the charset cannot carry
 * @param una                  whether to open the interchange with the UNA service string advice
 * @param senderId             UNB 0004 (our id, e.g. the supplier GLN)
 * @param senderQualifier      UNB 0007 of the sender, e.g. {@code 14} (EAN/GLN); may be null
 * @param recipientId          UNB 0010 (the partner's id)
 * @param recipientQualifier   UNB 0007 of the recipient; may be null
 * @param controlReference     UNB/UNZ 0020, up to 14 characters; null until assigned
 * @param testIndicator        UNB 0035 = 1 when the partner agreement is still in test
 * @param ackRequested         UNB 0031 = 1: ask the partner for a CONTRL
 * @param applicationReference UNB 0026, e.g. {@code INVOIC}; may be null
 * @param directory            D96A or D01B: chooses {@code mappings/ubl/<message>-out/to-<directory>.xsl}
 */
public record EnvelopeProfile(int syntaxVersion,
                              SyntaxCharset charset,
                              CharsetPolicy charsetPolicy,
                              boolean una,
                              String senderId,
                              String senderQualifier,
                              String recipientId,
                              String recipientQualifier,
                              String controlReference,
                              boolean testIndicator,
                              boolean ackRequested,
                              String applicationReference,
                              EdifactDirectory directory) {

    public EnvelopeProfile {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(charsetPolicy, "charsetPolicy");
        Objects.requireNonNull(directory, "directory");
        if (syntaxVersion != 3 && syntaxVersion != 4) {
            throw invalid("syntax version " + syntaxVersion + " is not written by Aval (3 or 4)");
        }
        if (syntaxVersion < charset.minSyntaxVersion()) {
            throw invalid(charset + " needs syntax version " + charset.minSyntaxVersion() + ", profile says " + syntaxVersion);
        }
        if (senderId == null || senderId.isBlank() || recipientId == null || recipientId.isBlank()) {
            throw invalid("sender and recipient identifications are required");
        }
        if (controlReference != null && (controlReference.isBlank() || controlReference.length() > 14)) {
            throw invalid("interchange control reference must be 1..14 characters: '" + controlReference + "'");
        }
    }

    /** The same profile for one interchange with the given UNB/UNZ 0020. */
    public EnvelopeProfile withControlReference(String reference) {
        return new EnvelopeProfile(syntaxVersion, charset, charsetPolicy, una, senderId, senderQualifier, recipientId,
                recipientQualifier, reference, testIndicator, ackRequested, applicationReference, directory);
    }

    /** A EANCOM-style starting point: syntax 3, UNOC, UNA, GLN qualifiers (14), no test, no ack request, D96A. */
    public static EnvelopeProfile eancom(String senderGln, String recipientGln) {
        return new EnvelopeProfile(3, SyntaxCharset.UNOC, CharsetPolicy.TRANSLITERATE, true, senderGln, "14",
                recipientGln, "14", null, false, false, null, EdifactDirectory.D96A);
    }

    private static TranslationException invalid(String message) {
        return new TranslationException(TranslationException.Failure.INVALID_PROFILE, message, null, null);
    }
}
