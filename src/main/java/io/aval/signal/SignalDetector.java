package io.aval.signal;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of the signal catalogue. Detectors are stateless: everything they know comes from the
 * account's history (as it stood before the event) and the settings. They return candidate signals;
 * the engine stores those whose dedup key is new.
 */
public interface SignalDetector {

    SignalType type();

    /** Called for each event, in business-date order, before the event joins the history. */
    default List<Signal> onEvent(AccountEvent event, AccountHistory history, SignalSettings settings) {
        return List.of();
    }

    /**
     * Called when business time moves on: every day before {@code asOf} is complete. Used by detectors
     * that fire on the absence of messages.
     *
     * @param orderDates the account's order dates, oldest first
     */
    default List<Signal> onBusinessTime(String accountId, List<LocalDate> orderDates, LocalDate asOf,
                                        SignalSettings settings) {
        return List.of();
    }
}
