package io.aval.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A rep's answer to "was this signal useful?": one per signal, the latest answer counts. */
@Entity
@Table(name = "signal_feedback")
public class SignalFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "signal_id", nullable = false, unique = true)
    private Long signalId;

    @Column(name = "useful", nullable = false)
    private boolean useful;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected SignalFeedback() {
    }

    public SignalFeedback(Long signalId, boolean useful, Instant answeredAt) {
        this.signalId = signalId;
        this.useful = useful;
        this.answeredAt = answeredAt;
    }

    public Long signalId() {
        return signalId;
    }

    public boolean useful() {
        return useful;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    void answer(boolean useful, Instant when) {
        this.useful = useful;
        this.answeredAt = when;
    }
}
