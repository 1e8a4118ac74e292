package io.aval.transport;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jms.support.destination.DestinationResolver;
import org.springframework.jms.support.destination.DynamicDestinationResolver;

/**
 * Resolves a queue's name once, then hands back the same destination. Spring's default resolver
 * calls {@code Session.createQueue} on every send and every new consumer, and the Artemis client
 * answers that with a blocking query to the broker: one round trip more per message hand-off
 * between stages. A queue destination is a name, valid on any session, so it can be kept; topics
 * are still resolved each time.
 */
public final class KnownQueues implements DestinationResolver {

    private final DestinationResolver resolver = new DynamicDestinationResolver();
    private final Map<String, Destination> queues = new ConcurrentHashMap<>();

    @Override
    public Destination resolveDestinationName(Session session, String name, boolean pubSubDomain) throws JMSException {
        if (pubSubDomain) {
            return resolver.resolveDestinationName(session, name, true);
        }
        Destination known = queues.get(name);
        if (known == null) {
            known = resolver.resolveDestinationName(session, name, false);
            queues.put(name, known);
        }
        return known;
    }
}
