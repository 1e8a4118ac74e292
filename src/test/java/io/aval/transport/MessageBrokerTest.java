package io.aval.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.config.AvalConfig;
import io.aval.testing.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker takes its journal's buffer timeout from the configuration. */
class MessageBrokerTest {

    @TempDir
    Path data;

    @Test
    void theJournalBufferTimeoutIsArtemisDefaultUnlessConfigured() throws Exception {
        AvalConfig config = AvalConfig.load(TestGateway.HOME.resolve("config"), data);
        try (MessageBroker broker = MessageBroker.start(config)) {
            assertThat(broker.journalBufferTimeoutNanos()).isEqualTo(3_333_000L);
        }
        try (MessageBroker broker = MessageBroker.start(config.with("aval.broker.journal-buffer-timeout-us", "500"))) {
            assertThat(broker.journalBufferTimeoutNanos()).isEqualTo(500_000L);
        }
    }
}
