package io.aval.journal;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One interchange (or XML document) as received, with its raw bytes: inline in {@code rawBytes},
 * or, for one larger than the journal's inline threshold, in {@link #rawChunks()} rows of
 * {@code interchange_chunk} (then {@code raw_bytes} is empty; {@link Journal#interchange} puts them
 * together, {@link Journal#openRaw} streams them).
 */
@Entity
@Table(name = "interchange")
public class InterchangeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    @Column(nullable = false)
    String transport;

    @Column(name = "source_name")
    String sourceName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ProcessingMode mode;

    @Column(name = "partner_id")
    String partnerId;

    @Column(name = "sender_id")
    String senderId;

    @Column(name = "sender_qualifier")
    String senderQualifier;

    @Column(name = "recipient_id")
    String recipientId;

    @Column(name = "recipient_qualifier")
    String recipientQualifier;

    @Column(name = "control_ref")
    String controlRef;

    String syntax;

    @Column(name = "business_date")
    LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    InterchangeStatus status;

    String reason;

    @Column(name = "size_bytes", nullable = false)
    long sizeBytes;

    @Column(nullable = false)
    String sha256;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(name = "raw_bytes", nullable = false)
    byte[] rawBytes;

    /** 0: the bytes are in {@code rawBytes}; n > 0: {@code raw_bytes} is empty and the bytes are in n chunks. */
    @Column(name = "raw_chunks", nullable = false)
    int rawChunks;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** The quarantined interchange this one re-runs (./aval quarantine reprocess), if any. */
    @Column(name = "reprocess_of")
    Long reprocessOf;

    protected InterchangeRecord() {
    }

    /** A view without the raw bytes, for listings (used by JPQL constructor expressions). */
    public InterchangeRecord(Long id, Instant receivedAt, String transport, String sourceName, Direction direction,
                             ProcessingMode mode, String partnerId, String senderId, String recipientId,
                             String controlRef, String syntax, LocalDate businessDate, InterchangeStatus status,
                             String reason, long sizeBytes) {
        this.id = id;
        this.receivedAt = receivedAt;
        this.transport = transport;
        this.sourceName = sourceName;
        this.direction = direction;
        this.mode = mode;
        this.partnerId = partnerId;
        this.senderId = senderId;
        this.recipientId = recipientId;
        this.controlRef = controlRef;
        this.syntax = syntax;
        this.businessDate = businessDate;
        this.status = status;
        this.reason = reason;
        this.sizeBytes = sizeBytes;
    }

    /**
     * A view with every column but the raw bytes ({@link Journal#interchangeWithoutBytes}), so that a
     * caller that streams a large interchange reads its header fields without its bytes.
     */
    public InterchangeRecord(Long id, Instant receivedAt, String transport, String sourceName, Direction direction,
                             ProcessingMode mode, String partnerId, String senderId, String senderQualifier,
                             String recipientId, String recipientQualifier, String controlRef, String syntax,
                             LocalDate businessDate, InterchangeStatus status, String reason, long sizeBytes,
                             String sha256, int rawChunks, Instant updatedAt, Long reprocessOf) {
        this(id, receivedAt, transport, sourceName, direction, mode, partnerId, senderId, recipientId, controlRef, syntax,
                businessDate, status, reason, sizeBytes);
        this.senderQualifier = senderQualifier;
        this.recipientQualifier = recipientQualifier;
        this.sha256 = sha256;
        this.rawChunks = rawChunks;
        this.updatedAt = updatedAt;
        this.reprocessOf = reprocessOf;
    }

    public Long id() { return id; }
    public Instant receivedAt() { return receivedAt; }
    public String transport() { return transport; }
    public String sourceName() { return sourceName; }
    public Direction direction() { return direction; }
    public ProcessingMode mode() { return mode; }
    public String partnerId() { return partnerId; }
    public String senderId() { return senderId; }
    public String senderQualifier() { return senderQualifier; }
    public String recipientId() { return recipientId; }
    public String recipientQualifier() { return recipientQualifier; }
    public String controlRef() { return controlRef; }
    public String syntax() { return syntax; }
    public LocalDate businessDate() { return businessDate; }
    public InterchangeStatus status() { return status; }
    public String reason() { return reason; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public byte[] rawBytes() { return rawBytes; }
    public Long reprocessOf() { return reprocessOf; }
    public Instant updatedAt() { return updatedAt; }
    /** How many chunks hold the raw bytes; 0 when they are inline. */
    public int rawChunks() { return rawChunks; }
    /** True when the raw bytes are in chunks rather than inline. */
    public boolean chunked() { return rawChunks > 0; }
}
