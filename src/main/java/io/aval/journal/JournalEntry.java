package io.aval.journal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of {@code ./aval journal}: a message, or an interchange that yielded none. The id is
 * {@code M-<n>} for a message and {@code I-<n>} for an interchange.
 */
public record JournalEntry(String id, String interchangeId, Instant receivedAt, String source, String partner,
                           Direction direction, String messageType, String interchangeRef, String messageRef,
                           String documentNumber, LocalDate businessDate, String status, String reason,
                           String deliveredTo) {

    static JournalEntry of(MessageRecord m, InterchangeRecord i) {
        return new JournalEntry("M-" + m.id, "I-" + m.interchangeId, i == null ? m.createdAt : i.receivedAt,
                i == null ? null : i.sourceName, m.partnerId, m.direction, m.messageType, m.interchangeRef,
                m.messageRef, m.documentNumber, m.businessDate, m.status.name(), m.reason, m.deliveredTo);
    }

    static JournalEntry of(InterchangeRecord i) {
        return new JournalEntry("I-" + i.id, "I-" + i.id, i.receivedAt, i.sourceName, i.partnerId, i.direction,
                null, i.controlRef, null, null, i.businessDate, i.status.name(), i.reason, null);
    }

    /**
     * A delivered outbound message that asked for a CONTRL shows where the acknowledgement stands instead of
     * DELIVERED (ACKNOWLEDGED, REJECTED with the partner's reasons, OVERDUE); still AWAITED, it stays DELIVERED.
     */
    JournalEntry acknowledged(AcknowledgementRecord a, Instant now) {
        AcknowledgementStatus s = a == null ? AcknowledgementStatus.AWAITED : a.statusAt(now);
        if (s == AcknowledgementStatus.AWAITED) {
            return this;
        }
        String why = s == AcknowledgementStatus.OVERDUE && a.status() == AcknowledgementStatus.AWAITED
                ? "no CONTRL from partner " + a.partnerId() + " for interchange " + a.controlRef() + " by " + a.dueAt()
                : a.detail();
        return new JournalEntry(id, interchangeId, receivedAt, source, partner, direction, messageType, interchangeRef,
                messageRef, documentNumber, businessDate, s.name(), why, deliveredTo);
    }
}
