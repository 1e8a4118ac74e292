package io.aval.notify;

import java.util.List;

/**
 * The entity classes of the notify capability, for the shared EntityManagerFactory (next to
 * {@code SignalEntities.CLASSES}); tables from {@code db/migration/{h2,postgresql}/V30__notifications.sql}.
 */
public final class NotifyEntities {

    public static final List<Class<?>> CLASSES = List.of(SignalNotification.class, SignalFeedback.class);

    private NotifyEntities() {
    }
}
