package io.aval.signal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Something seen for an account (a delivery site, a country, a product, a contact) with when it was
 * first and last seen: the memory behind every "new …" signal.
 */
@Entity
@Table(name = "account_fact",
        uniqueConstraints = @UniqueConstraint(name = "uk_account_fact", columnNames = {"account_id", "kind", "fact_key"}))
public class AccountFact {

    /** What kind of thing was seen. */
    public enum Kind { SITE, COUNTRY, PRODUCT, CONTACT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, length = 64)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;

    @Column(name = "fact_key", nullable = false, length = 400)
    private String key;

    @Column(name = "first_seen", nullable = false)
    private LocalDate firstSeen;

    @Column(name = "last_seen", nullable = false)
    private LocalDate lastSeen;

    @Column(name = "first_document", length = 70)
    private String firstDocument;

    @Column(name = "times_seen", nullable = false)
    private int timesSeen;

    protected AccountFact() {
    }

    AccountFact(String accountId, Kind kind, String key, LocalDate date, String document) {
        this.accountId = accountId;
        this.kind = kind;
        this.key = key;
        this.firstSeen = date;
        this.lastSeen = date;
        this.firstDocument = document;
        this.timesSeen = 1;
    }

    void seenAgain(LocalDate date) {
        if (date.isAfter(lastSeen)) {
            lastSeen = date;
        }
        if (date.isBefore(firstSeen)) {
            firstSeen = date;
        }
        timesSeen++;
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public LocalDate firstSeen() {
        return firstSeen;
    }

    public LocalDate lastSeen() {
        return lastSeen;
    }

    public String firstDocument() {
        return firstDocument;
    }

    public int timesSeen() {
        return timesSeen;
    }
}
