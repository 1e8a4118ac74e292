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
import java.time.LocalDate;

/** One business message of an interchange and where it stands. */
@Entity
@Table(name = "message")
public class MessageRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "interchange_id", nullable = false)
    long interchangeId;

    @Column(nullable = false)
    int seq;

    @Column(name = "partner_id")
    String partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Direction direction;

    @Column(name = "message_type")
    String messageType;

    @Column(name = "message_version")
    String messageVersion;

    @Column(name = "interchange_ref")
    String interchangeRef;

    @Column(name = "message_ref")
    String messageRef;

    @Column(name = "document_number")
    String documentNumber;

    @Column(name = "business_date")
    LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    MessageStatus status;

    String reason;

    @Column(name = "delivered_to")
    String deliveredTo;

    @Column(name = "raw_text")
    String rawText;

    @Column(name = "tapped_at")
    Instant tappedAt;

    @Column(name = "tap_note")
    String tapNote;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected MessageRecord() {
    }

    /** A view without the raw text, for routing a message on (used by JPQL constructor expressions). */
    public MessageRecord(Long id, long interchangeId, int seq, String partnerId, Direction direction, String messageType,
                         MessageStatus status, Instant tappedAt) {
        this.id = id;
        this.interchangeId = interchangeId;
        this.seq = seq;
        this.partnerId = partnerId;
        this.direction = direction;
        this.messageType = messageType;
        this.status = status;
        this.tappedAt = tappedAt;
    }

    public Long id() { return id; }
    public long interchangeId() { return interchangeId; }
    public int seq() { return seq; }
    public String partnerId() { return partnerId; }
    public Direction direction() { return direction; }
    public String messageType() { return messageType; }
    public String messageVersion() { return messageVersion; }
    public String interchangeRef() { return interchangeRef; }
    public String messageRef() { return messageRef; }
    public String documentNumber() { return documentNumber; }
    public LocalDate businessDate() { return businessDate; }
    public MessageStatus status() { return status; }
    public String reason() { return reason; }
    public String deliveredTo() { return deliveredTo; }
    public String rawText() { return rawText; }
    public Instant createdAt() { return createdAt; }
    public Instant tappedAt() { return tappedAt; }
    public String tapNote() { return tapNote; }
}
