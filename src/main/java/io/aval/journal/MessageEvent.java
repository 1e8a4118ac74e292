package io.aval.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One state transition of an interchange or of one of its messages. */
@Entity
@Table(name = "message_event")
public class MessageEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "interchange_id", nullable = false)
    long interchangeId;

    @Column(name = "message_id")
    Long messageId;

    @Column(nullable = false)
    Instant at;

    @Column(nullable = false)
    String status;

    String detail;

    /** The person who took the action (./aval quarantine --by); null for the gateway's own steps. */
    String actor;

    protected MessageEvent() {
    }

    MessageEvent(long interchangeId, Long messageId, String status, String detail) {
        this.interchangeId = interchangeId;
        this.messageId = messageId;
        this.at = Instant.now();
        this.status = status;
        this.detail = Journal.clip(detail);
    }

    MessageEvent(long interchangeId, Long messageId, String status, String detail, String actor) {
        this(interchangeId, messageId, status, detail);
        this.actor = actor;
    }

    public Long messageId() { return messageId; }
    public Instant at() { return at; }
    public String status() { return status; }
    public String detail() { return detail; }
    public long interchangeId() { return interchangeId; }
    public String actor() { return actor; }
}
