package io.aval.transport;

import io.aval.config.AvalConfig;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The ActiveMQ Artemis broker that joins the pipeline's stages: embedded and persistent under
 * {@code DATA/artemis} by default, or an external broker when {@code aval.broker.url} is set.
 * Redelivery back-off and dead letters are broker settings, not code in the routes.
 */
public final class MessageBroker implements AutoCloseable {

    /** Artemis' own default for a NIO journal (3,333 µs). */
    static final long DEFAULT_BUFFER_TIMEOUT_US = 3_333;

    /** Where messages go after {@code aval.broker.max-delivery-attempts} failed deliveries. */
    public static final String DEAD_LETTER_QUEUE = "aval.dead-letter";

    private final EmbeddedActiveMQ embedded;
    private final ConnectionFactory connectionFactory;

    private MessageBroker(EmbeddedActiveMQ embedded, ConnectionFactory connectionFactory) {
        this.embedded = embedded;
        this.connectionFactory = connectionFactory;
    }

    public static MessageBroker start(AvalConfig config) {
        String external = config.get("aval.broker.url", "");
        if (!external.isBlank()) {
            return new MessageBroker(null, new ActiveMQConnectionFactory(
                    external + (external.contains("?") ? "&" : "?") + "consumerWindowSize=0"));
        }
        Path dir = config.dataDir().resolve("artemis");
        Configuration c = new ConfigurationImpl()
                .setName("aval")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setJournalType(org.apache.activemq.artemis.core.server.JournalType.NIO)
                // how long the journal gathers writes before one sync; a transacted commit waits for it
                .setJournalBufferTimeout_NIO((int) Math.min(Integer.MAX_VALUE,
                        config.getLong("aval.broker.journal-buffer-timeout-us", DEFAULT_BUFFER_TIMEOUT_US) * 1000))
                .setJMXManagementEnabled(false);
        try {
            // In-VM only by default: RabbitMQ and Mosquitto hold 5672 and 1883 on our machines.
            c.addAcceptorConfiguration("in-vm", "vm://0");
            int tcp = config.getInt("aval.broker.tcp-port", 0);
            if (tcp > 0) {
                c.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + tcp + "?protocols=CORE");
            }
        } catch (Exception e) {
            throw new IllegalStateException("Invalid broker acceptor settings: " + e.getMessage(), e);
        }
        AddressSettings settings = new AddressSettings()
                .setMaxDeliveryAttempts(config.getInt("aval.broker.max-delivery-attempts", 5))
                .setRedeliveryDelay(config.getLong("aval.broker.redelivery-delay-ms", 500))
                .setRedeliveryMultiplier(config.getDouble("aval.broker.redelivery-multiplier", 2.0))
                .setMaxRedeliveryDelay(config.getLong("aval.broker.max-redelivery-delay-ms", 10_000))
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setExpiryAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setAutoCreateDeadLetterResources(false)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true)
                // Never auto-delete a stage's queue: an auto-created queue is deleted by default the moment it
                // holds no message and has no consumer (the listener containers open and close consumers
                // between receives), and a send that races the deletion is routed to no queue and lost.
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false);
        c.addAddressSetting("#", settings);
        c.addAddressSetting(DEAD_LETTER_QUEUE, new AddressSettings().setAutoCreateQueues(true).setAutoCreateAddresses(true)
                .setAutoDeleteQueues(false).setAutoDeleteAddresses(false));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(c);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded Artemis broker in " + dir + ": " + e.getMessage(), e);
        }
        // consumerWindowSize=0: no client-side buffering, so a message is only ever with the consumer
        // that is processing it (the stages are slow consumers by Artemis' definition).
        return new MessageBroker(server, new ActiveMQConnectionFactory("vm://0?consumerWindowSize=0"));
    }

    /** The embedded journal's buffer timeout as the broker runs with it, in nanoseconds (-1: an external broker). */
    long journalBufferTimeoutNanos() {
        return embedded == null ? -1 : embedded.getActiveMQServer().getConfiguration().getJournalBufferTimeout_NIO();
    }

    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public void close() {
        if (connectionFactory instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Broker did not stop cleanly: " + e.getMessage(), e);
            }
        }
    }
}
