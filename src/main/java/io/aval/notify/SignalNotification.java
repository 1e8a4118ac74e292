package io.aval.notify;

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

/**
 * That a signal was sent, to whom and how. Unique per signal: the row is claimed in the transaction
 * that sends the email, so a signal is never sent twice, across runs and instances.
 */
@Entity
@Table(name = "signal_notification")
public class SignalNotification {

    /** How the signal reached the rep. */
    public enum Kind {
        /** An immediate email for one HIGH signal. */
        ALERT,
        /** The rep's daily digest. */
        DIGEST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "signal_id", nullable = false, unique = true)
    private Long signalId;

    @Column(name = "account_id", nullable = false, length = 64)
    private String accountId;

    @Column(name = "rep_email", nullable = false, length = 320)
    private String repEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 8)
    private Kind kind;

    @Column(name = "business_day", nullable = false)
    private LocalDate businessDay;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected SignalNotification() {
    }

    public SignalNotification(Long signalId, String accountId, String repEmail, Kind kind, LocalDate businessDay, Instant sentAt) {
        this.signalId = signalId;
        this.accountId = accountId;
        this.repEmail = repEmail;
        this.kind = kind;
        this.businessDay = businessDay;
        this.sentAt = sentAt;
    }

    public Long signalId() {
        return signalId;
    }

    public String accountId() {
        return accountId;
    }

    public String repEmail() {
        return repEmail;
    }

    public Kind kind() {
        return kind;
    }

    public LocalDate businessDay() {
        return businessDay;
    }
}
