package io.aval.signal;

import java.util.List;

/**
 * The entity classes of the signal capability, for registration in the shared EntityManagerFactory.
 * Their tables come from the Flyway migrations {@code db/migration/{h2,postgresql}/V10__signals.sql}.
 */
public final class SignalEntities {

    public static final List<Class<?>> CLASSES = List.of(
            AccountEventRecord.class, AccountEventLineRecord.class, AccountFact.class, Signal.class, SignalClock.class,
            AccountHistoryStamp.class);

    private SignalEntities() {
    }
}
