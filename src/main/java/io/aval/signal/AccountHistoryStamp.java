package io.aval.signal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How much history an account has: its events and ORDERS, and the highest ids of each, moved on in the
 * transaction that records an event ({@link AccountHistoryStore#record}). Reading it is one primary-key
 * lookup, so checking a cached history, or finding whose orders changed, costs the same whatever the
 * history's size (migration {@code V80__history_stamps.sql}).
 */
@Entity
@Table(name = "account_history_stamp")
public class AccountHistoryStamp {

    @Id
    @Column(name = "account_id", length = 64)
    private String accountId;

    @Column(name = "events", nullable = false)
    private long events;

    @Column(name = "last_event_id", nullable = false)
    private long lastEventId;

    @Column(name = "orders", nullable = false)
    private long orders;

    @Column(name = "last_order_id", nullable = false)
    private long lastOrderId;

    protected AccountHistoryStamp() {
    }

    AccountHistoryStamp(String accountId, long events, long lastEventId, long orders, long lastOrderId) {
        this.accountId = accountId;
        this.events = events;
        this.lastEventId = lastEventId;
        this.orders = orders;
        this.lastOrderId = lastOrderId;
    }

    public String accountId() {
        return accountId;
    }

    public long events() {
        return events;
    }

    public long lastEventId() {
        return lastEventId;
    }

    public long orders() {
        return orders;
    }

    public long lastOrderId() {
        return lastOrderId;
    }
}
