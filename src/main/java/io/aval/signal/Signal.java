package io.aval.signal;

import java.time.LocalDate;
import java.util.Map;

import io.aval.signal.internal.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A detected signal: what happened on which account, on which business date, which downstream function
 * saw it, a one-line summary for the rep, and the evidence (document numbers and the numbers behind the
 * decision, as JSON). {@link #dedupKey()} is unique: the same fact is never stored twice.
 */
@Entity
@Table(name = "account_signal")
public class Signal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "signal_type", nullable = false, length = 32)
    private SignalType type;

    @Column(name = "account_id", nullable = false, length = 64)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, length = 8)
    private Severity severity;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "downstream_function", nullable = false, length = 16)
    private DownstreamFunction function;

    @Column(name = "summary", nullable = false, length = 500)
    private String summary;

    @Column(name = "evidence", nullable = false, length = 100000)
    private String evidence;

    @Column(name = "dedup_key", nullable = false, unique = true, length = 400)
    private String dedupKey;

    @Column(name = "source_document", length = 70)
    private String sourceDocument;

    @Column(name = "source_journal_id", length = 64)
    private String sourceJournalId;

    protected Signal() {
    }

    public Signal(SignalType type, String accountId, Severity severity, LocalDate businessDate,
                  DownstreamFunction function, String summary, Map<String, ?> evidence, String dedupKey,
                  String sourceDocument, String sourceJournalId) {
        this.type = type;
        this.accountId = accountId;
        this.severity = severity;
        this.businessDate = businessDate;
        this.function = function;
        this.summary = summary.length() > 500 ? summary.substring(0, 497) + "..." : summary;
        this.evidence = Json.write(evidence);
        this.dedupKey = dedupKey.length() > 400 ? dedupKey.substring(0, 400) : dedupKey;
        this.sourceDocument = sourceDocument;
        this.sourceJournalId = sourceJournalId;
    }

    public Long id() {
        return id;
    }

    public SignalType type() {
        return type;
    }

    public String accountId() {
        return accountId;
    }

    public Severity severity() {
        return severity;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public DownstreamFunction function() {
        return function;
    }

    public String summary() {
        return summary;
    }

    /** Evidence as stored: a JSON object. */
    public String evidenceJson() {
        return evidence;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> evidence() {
        return Json.read(evidence, Map.class);
    }

    public String dedupKey() {
        return dedupKey;
    }

    /** Document number of the message that triggered the signal (null for time-driven signals). */
    public String sourceDocument() {
        return sourceDocument;
    }

    /** Journal id of the message that triggered the signal (null for time-driven signals). */
    public String sourceJournalId() {
        return sourceJournalId;
    }

    @Override
    public String toString() {
        return businessDate + " " + severity + " " + type + " [" + accountId + "/" + function + "] " + summary;
    }
}
