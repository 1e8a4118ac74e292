package io.aval.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * Sender + recipient + UNB control reference of an accepted interchange. The primary key makes
 * the database, not instance memory, the judge of duplicates, so several instances agree.
 */
@Entity
@Table(name = "interchange_reference")
public class InterchangeReference {

    @EmbeddedId
    Key key;

    @Column(name = "interchange_id", nullable = false)
    long interchangeId;

    protected InterchangeReference() {
    }

    InterchangeReference(String sender, String recipient, String controlRef, long interchangeId) {
        this.key = new Key(sender, recipient, controlRef);
        this.interchangeId = interchangeId;
    }

    @Embeddable
    public record Key(
            @Column(name = "sender_id") String senderId,
            @Column(name = "recipient_id") String recipientId,
            @Column(name = "control_ref") String controlRef) implements Serializable {
    }
}
