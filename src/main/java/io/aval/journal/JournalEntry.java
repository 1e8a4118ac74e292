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
}
