package io.aval.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The CONTRL we owe for a received interchange: journaled once, then written to the partner. */
@Entity
@Table(name = "contrl_reply")
public class ContrlReplyRecord {

    @Id
    @Column(name = "acknowledged_interchange_id")
    Long acknowledgedInterchangeId;

    @Column(name = "contrl_interchange_id", nullable = false)
    long contrlInterchangeId;

    @Column(name = "contrl_message_id", nullable = false)
    long contrlMessageId;

    @Column(name = "partner_id", nullable = false)
    String partnerId;

    @Column(name = "control_ref", nullable = false)
    String controlRef;

    @Column(nullable = false)
    String action;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ContrlReplyRecord() {
    }

    public Long acknowledgedInterchangeId() { return acknowledgedInterchangeId; }
    public long contrlInterchangeId() { return contrlInterchangeId; }
    public long contrlMessageId() { return contrlMessageId; }
    public String partnerId() { return partnerId; }
    public String controlRef() { return controlRef; }
    public String action() { return action; }
}
