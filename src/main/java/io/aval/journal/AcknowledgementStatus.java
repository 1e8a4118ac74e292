package io.aval.journal;

/**
 * Where an interchange we sent stands with the partner's CONTRL. Shown in {@code ./aval journal} as the
 * status of the outbound message once it is no longer merely DELIVERED.
 */
public enum AcknowledgementStatus {
    /** Sent with UNB 0031 = 1; the partner's CONTRL has not come yet and the deadline has not passed. */
    AWAITED,
    /** The partner's CONTRL accepted it (UCI 7, no message rejected). */
    ACKNOWLEDGED,
    /** The partner's CONTRL rejected it or one of its messages (UCI or UCM 4); the detail gives the 0085 codes in words. */
    REJECTED,
    /** No CONTRL within the partner profile's {@code ackWithin}; a CONTRL arriving later still settles it. */
    OVERDUE
}
