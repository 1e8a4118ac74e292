package io.aval.edifact;

import java.util.List;
import java.util.Objects;

/**
 * A syntax and service report about one interchange, independent of how it is written: what
 * {@link ContrlBuilder} turns into a CONTRL and what {@link ContrlReader} gives back from one.
 *
 * @param senderId             UNB 0004 of the acknowledged interchange (the party that sent it)
 * @param senderQualifier      its UNB 0007, may be null
 * @param recipientId          UNB 0010 of the acknowledged interchange
 * @param recipientQualifier   its UNB 0007, may be null
 * @param interchangeReference UNB 0020 of the acknowledged interchange
 * @param syntaxIdentifier     UNB 0001 of the acknowledged interchange, e.g. {@code UNOC}
 * @param syntaxVersion        UNB 0002 of the acknowledged interchange; the CONTRL is written in the same version
 * @param action               the interchange-level verdict (UCI 0083)
 * @param findings             interchange-level findings; the first one goes into UCI (a UCI carries one error)
 * @param messages             per-message verdicts (UCM); empty for an interchange-level-only report
 */
public record ContrlReport(String senderId,
                           String senderQualifier,
                           String recipientId,
                           String recipientQualifier,
                           String interchangeReference,
                           String syntaxIdentifier,
                           int syntaxVersion,
                           Action action,
                           List<Finding> findings,
                           List<MessageReport> messages) {

    public ContrlReport {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(interchangeReference, "interchangeReference");
        Objects.requireNonNull(action, "action");
        findings = List.copyOf(findings);
        messages = List.copyOf(messages);
    }

    /** UCI/UCM 0083 action codes. */
    public enum Action {
        /** 4: this level and all lower levels rejected. */
        REJECTED("4"),
        /** 7: this level acknowledged; lower levels acknowledged unless explicitly reported otherwise. */
        ACKNOWLEDGED("7"),
        /** 8: interchange received (no content checked); UCI only. */
        RECEIVED("8");

        private final String code;

        Action(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Action fromCode(String code) {
            for (Action a : values()) {
                if (a.code.equals(code)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown 0083 action code: " + code);
        }
    }

    /**
     * One syntax finding. {@code segmentPosition} is the position of the segment in the message counted from UNH = 1
     * (UCS 0096); {@code segmentTag} the tag (for service segments it is written to 0135);
     * {@code elementPosition}/{@code componentPosition} are 1-based (S011 0098/0104). Unknown positions are null.
     */
    public record Finding(SyntaxErrorCode error, Integer segmentPosition, String segmentTag,
                          Integer elementPosition, Integer componentPosition) {

        public Finding {
            Objects.requireNonNull(error, "error");
        }

        /** A finding about a whole service segment (UNB, UNZ, UNH, UNT), e.g. a count or reference mismatch. */
        public static Finding onServiceSegment(SyntaxErrorCode error, String tag) {
            return new Finding(error, null, tag, null, null);
        }

        /** A finding on a service segment's data element, e.g. UNB S003 (element 3) for an unknown recipient. */
        public static Finding onServiceElement(SyntaxErrorCode error, String tag, int element, Integer component) {
            return new Finding(error, null, tag, element, component);
        }

        /** A finding in the message body at a segment position, optionally on one element/component. */
        public static Finding inBody(SyntaxErrorCode error, int segmentPosition, String tag, Integer element, Integer component) {
            return new Finding(error, segmentPosition, tag, element, component);
        }
    }

    /**
     * The verdict on one message (UCM): its UNH 0062 reference and S009 identifier, the action, and its findings.
     * Findings without a segment position go into UCM itself (the first one); the others become UCS (+ UCD).
     */
    public record MessageReport(String messageReference, String messageType, String version, String release,
                                String agency, String association, Action action, List<Finding> findings) {

        public MessageReport {
            Objects.requireNonNull(messageReference, "messageReference");
            Objects.requireNonNull(action, "action");
            findings = List.copyOf(findings);
        }
    }

    /** Acceptance of a whole interchange: UCI action 7, no UCM (all messages acknowledged implicitly). */
    public static ContrlReport acceptance(String senderId, String senderQualifier, String recipientId,
                                          String recipientQualifier, String interchangeReference,
                                          String syntaxIdentifier, int syntaxVersion) {
        return new ContrlReport(senderId, senderQualifier, recipientId, recipientQualifier, interchangeReference,
                syntaxIdentifier, syntaxVersion, Action.ACKNOWLEDGED, List.of(), List.of());
    }
}
