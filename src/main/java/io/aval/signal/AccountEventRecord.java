package io.aval.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.aval.signal.internal.Json;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * One business event in an account's history. The searchable facts are columns; the whole normalised
 * event is kept as JSON so detectors can be added later without a migration. Written by {@link AccountEventRows}
 * (JDBC batches); read through this mapping.
 */
@Entity
@Table(name = "account_event")
public class AccountEventRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, length = 64)
    private String accountId;

    @Column(name = "business_date", nullable = false)
    private LocalDate businessDate;

    @Column(name = "message_type", nullable = false, length = 16)
    private String messageType;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 8)
    private Direction direction;

    @Column(name = "document_number", length = 70)
    private String documentNumber;

    @Column(name = "document_code", length = 8)
    private String documentCode;

    @Column(name = "order_ref", length = 70)
    private String orderRef;

    @Column(name = "journal_id", length = 64)
    private String journalId;

    @Column(name = "payload", nullable = false, length = 1000000)
    private String payload;

    // written by AccountEventRows, each line's insert with its event_id and line_index; never changed once recorded
    // (not updatable), so Hibernate would never follow an insert with an UPDATE setting both again
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @jakarta.persistence.JoinColumn(name = "event_id", nullable = false, updatable = false)
    @OrderColumn(name = "line_index", updatable = false)
    private List<AccountEventLineRecord> lines = new ArrayList<>();

    protected AccountEventRecord() {
    }

    /** The order an event belongs to: an order's own number, otherwise the order it references (ON). */
    static String orderRefOf(AccountEvent e) {
        return e.isOrder() ? e.documentNumber() : e.references().get("ON");
    }

    public Long id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public String messageType() {
        return messageType;
    }

    public String documentNumber() {
        return documentNumber;
    }

    public List<AccountEventLineRecord> lines() {
        return lines;
    }

    public AccountEvent toEvent() {
        return Json.read(payload, AccountEvent.class);
    }
}
