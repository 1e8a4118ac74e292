package io.aval.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An interchange we sent that asked the partner for a CONTRL, and what the partner answered. */
@Entity
@Table(name = "acknowledgement")
public class AcknowledgementRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "partner_id", nullable = false)
    String partnerId;

    @Column(name = "control_ref", nullable = false)
    String controlRef;

    @Column(name = "message_id", nullable = false)
    long messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    AcknowledgementStatus status;

    @Column(name = "due_at", nullable = false)
    Instant dueAt;

    @Column(name = "answered_at")
    Instant answeredAt;

    @Column(name = "contrl_message_id")
    Long contrlMessageId;

    String detail;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected AcknowledgementRecord() {
    }

    public Long id() { return id; }
    public String partnerId() { return partnerId; }
    public String controlRef() { return controlRef; }
    public long messageId() { return messageId; }
    public AcknowledgementStatus status() { return status; }
    public Instant dueAt() { return dueAt; }
    public Instant answeredAt() { return answeredAt; }
    public Long contrlMessageId() { return contrlMessageId; }
    public String detail() { return detail; }

    /** The state as of {@code now}: an AWAITED acknowledgement past its deadline is OVERDUE even before the timer marks it. */
    public AcknowledgementStatus statusAt(Instant now) {
        return status == AcknowledgementStatus.AWAITED && dueAt.isBefore(now) ? AcknowledgementStatus.OVERDUE : status;
    }
}
