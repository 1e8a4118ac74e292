package io.aval.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.config.AvalConfig;
import io.aval.testing.TestGateway;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KnownQueues} on the embedded Artemis broker the gateway ships with. */
class KnownQueuesTest {

    @TempDir
    Path data;

    @Test
    void aQueueResolvedOnOneSessionIsTheSameDestinationOnAnotherAndCarriesMessagesThere() throws Exception {
        try (MessageBroker broker = MessageBroker.start(AvalConfig.load(TestGateway.HOME.resolve("config"), data));
             Connection connection = broker.connectionFactory().createConnection()) {
            KnownQueues queues = new KnownQueues();
            Session sending = connection.createSession(true, Session.SESSION_TRANSACTED);
            Session receiving = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);

            Destination first = queues.resolveDestinationName(sending, "aval.known-queues-test", false);
            Destination again = queues.resolveDestinationName(receiving, "aval.known-queues-test", false);
            assertThat(again).isSameAs(first);
            assertThat(((Queue) first).getQueueName()).isEqualTo("aval.known-queues-test");
            assertThat(queues.resolveDestinationName(receiving, "aval.other-queue", false)).isNotSameAs(first);

            sending.createProducer(first).send(sending.createTextMessage("ORDERS M-1"));
            sending.commit();
            connection.start();
            Message received = receiving.createConsumer(again).receive(10_000);
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("ORDERS M-1");
        }
    }

    @Test
    void aTopicIsStillATopic() throws Exception {
        try (MessageBroker broker = MessageBroker.start(AvalConfig.load(TestGateway.HOME.resolve("config"), data));
             Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Destination topic = new KnownQueues().resolveDestinationName(session, "aval.events", true);
            assertThat(topic).isInstanceOf(Topic.class);
            assertThat(((Topic) topic).getTopicName()).isEqualTo("aval.events");
        }
    }
}
