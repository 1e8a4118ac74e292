package io.aval.signal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Business time: the newest business date seen across all flows. Kept in the database (one row) rather
 * than in instance memory so that every gateway instance evaluates silence against the same clock.
 */
@Entity
@Table(name = "signal_clock")
public class SignalClock {

    static final int SINGLETON = 1;

    @Id
    private Integer id;

    /** null until the first event: the row itself is created with the schema */
    @Column(name = "business_time")
    private LocalDate businessTime;

    protected SignalClock() {
    }

    /** null before the first event */
    public LocalDate businessTime() {
        return businessTime;
    }

    void moveTo(LocalDate date) {
        this.businessTime = date;
    }
}
