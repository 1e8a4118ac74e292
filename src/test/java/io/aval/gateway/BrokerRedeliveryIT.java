package io.aval.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aval.config.AvalConfig;
import io.aval.journal.MessageEvent;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.journal.ProcessingMode;
import io.aval.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage that fails takes nothing away: the transacted route rolls the broker message back, the broker
 * delivers it again after its delay, and after aval.broker.max-delivery-attempts it goes to the dead letters,
 * where the message is quarantined. The failure here is real: the ERP drop folder is a file, so the hand-off
 * cannot write.
 */
class BrokerRedeliveryIT {

    @TempDir
    Path data;

    private Gateway start(int attempts, long delayMs) {
        AvalConfig config = TestGateway.config(data)
                .with("aval.broker.max-delivery-attempts", String.valueOf(attempts))
                .with("aval.broker.redelivery-delay-ms", String.valueOf(delayMs));
        return TestGateway.start(config);
    }

    /** The ERP drop folder replaced by a file: every hand-off fails until it is removed. */
    private Path blockErpDrop() throws Exception {
        Path erp = data.resolve("outbound/erp");
        if (Files.isDirectory(erp)) {
            try (Stream<Path> files = Files.list(erp)) {
                assertThat(files).isEmpty();
            }
            Files.delete(erp);
        }
        Files.createDirectories(erp.getParent());
        return Files.writeString(erp, "not a folder");
    }

    private static MessageRecord onlyMessage(Gateway gateway, long interchangeId) {
        List<MessageRecord> messages = gateway.journal().messagesOf(interchangeId);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static byte[] sampleOrders() throws Exception {
        return Files.readAllBytes(TestGateway.samples().resolve("orders-d96a.edi"));
    }

    @Test
    void aFailedTranslationIsDeliveredOnceWhenTheBrokerRedeliversIt() throws Exception {
        try (Gateway gateway = start(100, 1_000)) {
            Path block = blockErpDrop();
            NotifyBuilder failed = new NotifyBuilder(gateway.camelContext()).fromRoute("inbound-edifact-messages")
                    .whenFailed(1).create();
            long interchange = gateway.submit(sampleOrders(), "test", "orders-d96a.edi", ProcessingMode.DELIVER);
            // the first attempt comes at once and fails; the next is a second later
            assertThat(failed.matches(30, TimeUnit.SECONDS)).as("a translation attempt failed").isTrue();
            MessageRecord waiting = onlyMessage(gateway, interchange);
            assertThat(waiting.status()).isEqualTo(MessageStatus.ACCEPTED);

            Files.delete(block);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> onlyMessage(gateway, interchange).status() == MessageStatus.DELIVERED);
            MessageRecord delivered = onlyMessage(gateway, interchange);
            try (Stream<Path> files = Files.list(data.resolve("outbound/erp"))) {
                assertThat(files.map(f -> f.getFileName().toString()).toList())
                        .containsExactly(Path.of(delivered.deliveredTo()).getFileName().toString());
            }
            List<String> states = gateway.journal().history(interchange).stream()
                    .filter(e -> delivered.id().equals(e.messageId())).map(MessageEvent::status).toList();
            assertThat(states).containsOnlyOnce("DELIVERED");
            await().atMost(Duration.ofSeconds(30)).until(() -> onlyMessage(gateway, interchange).tappedAt() != null);
        }
    }

    @Test
    void aTranslationThatFailsOnEveryAttemptEndsQuarantinedNotLost() throws Exception {
        try (Gateway gateway = start(2, 200)) {
            blockErpDrop();
            long interchange = gateway.submit(sampleOrders(), "test", "orders-d96a.edi", ProcessingMode.DELIVER);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> gateway.journal().messagesOf(interchange).size() == 1
                            && onlyMessage(gateway, interchange).status() == MessageStatus.QUARANTINED);

            assertThat(onlyMessage(gateway, interchange).reason())
                    .contains("technical failure: the message stage failed on every delivery attempt");
        }
    }
}
