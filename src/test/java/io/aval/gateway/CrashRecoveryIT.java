package io.aval.gateway;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.EnvelopeChecker;
import io.aval.edifact.MessageSlice;
import io.aval.journal.Direction;
import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.journal.ProcessingMode;
import io.aval.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.spi.BrowsableEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a process killed between two hand-offs leaves behind, rebuilt with the journal's own
 * calls, and the real gateway (H2, embedded Artemis, the project's routes) finishing the work
 * exactly once after the restart. The random-kill version of this is {@code CrashTestIT}.
 */
class CrashRecoveryIT {

    @TempDir
    Path data;

    @Test
    void deliversAfterRestartAnInterchangeKilledBetweenJournalAndQueueAndHalfRecorded() throws Exception {
        byte[] raw = bytes(interchange(ACME, "CRASH01",
                ordersBody("PO-CRASH-1", "20261120", "4000862141404", 4),
                ordersBody("PO-CRASH-2", "20261120", "4000862141411", 6)));
        long id;
        try (Gateway gateway = TestGateway.start(TestGateway.config(data))) {
            Journal journal = gateway.journal();
            // the receive step committed the bytes, then the process died before the JMS send ...
            id = journal.recordReceived(raw, "file", "crash01.edi", ProcessingMode.DELIVER);
            // ... or an earlier attempt of the interchange stage died after recording its first message
            CheckedInterchange checked = new EnvelopeChecker().check(raw);
            MessageSlice first = checked.messages().get(0);
            assertThat(journal.claimReference(ACME, checked.header().recipientId(), "CRASH01", id)).isTrue();
            journal.addMessage(new Journal.NewMessage(id, first.seq(), "acme", Direction.INBOUND, first.type(),
                    first.directory(), "CRASH01", first.reference(), first.documentNumber(), first.documentDate(),
                    MessageStatus.ACCEPTED, null, checked.standalone(first)));
            assertThat(journal.pendingCount()).isPositive();
        }

        try (Gateway gateway = TestGateway.start(TestGateway.config(data))) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> gateway.journal().pendingCount() == 0);
            assertThat(gateway.journal().messagesOf(id)).extracting(MessageRecord::documentNumber, MessageRecord::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("PO-CRASH-1", MessageStatus.DELIVERED),
                            org.assertj.core.groups.Tuple.tuple("PO-CRASH-2", MessageStatus.DELIVERED));
            assertThat(erpFiles()).hasSize(2).anyMatch(n -> n.contains("PO-CRASH-1")).anyMatch(n -> n.contains("PO-CRASH-2"));
        }
    }

    @Test
    void aChunkedInterchangeKilledAfterItsFirstSliceOfMessagesIsFinishedWithoutRecordingThemTwice() throws Exception {
        String[][] orders = new String[1_200][];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = ordersBody("PO-SLICE-" + (i + 1), "20261120", "4000862141404", 1 + i % 9);
        }
        byte[] raw = bytes(interchange(ACME, "SLICE01", orders));
        var config = TestGateway.config(data).with("aval.journal.inline-raw-bytes", "0");
        long id;
        try (Gateway gateway = TestGateway.start(config)) {
            Journal journal = gateway.journal();
            id = journal.recordReceived(raw, "file", "slice01.edi", ProcessingMode.DELIVER);
            assertThat(journal.interchangeWithoutBytes(id).chunked()).isTrue();
            // an earlier attempt recorded the first slice (500 messages, one transaction) and died
            CheckedInterchange checked = new EnvelopeChecker().check(raw);
            assertThat(journal.claimReference(ACME, checked.header().recipientId(), "SLICE01", id)).isTrue();
            journal.addMessages(checked.messages().subList(0, 500).stream().map(m -> new Journal.NewMessage(id, m.seq(), "acme",
                    Direction.INBOUND, m.type(), m.directory(), "SLICE01", m.reference(), m.documentNumber(), m.documentDate(),
                    MessageStatus.ACCEPTED, null, checked.standalone(m))).toList());
        }

        try (Gateway gateway = TestGateway.start(config)) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> gateway.journal().pendingCount() == 0);
            assertThat(gateway.journal().messageStates(id)).isEqualTo(java.util.Map.of(MessageStatus.DELIVERED, 1_200L));
            assertThat(gateway.journal().messageSeqs(id)).hasSize(1_200);
            assertThat(erpFiles()).hasSize(1_200);
        }
    }

    @Test
    void sweepDoesNotQueueTwiceAnInterchangeTheBrokerAlreadyHolds() throws Exception {
        try (Gateway gateway = TestGateway.start(TestGateway.config(data))) {
            var camel = gateway.camelContext();
            camel.getRouteController().stopRoute("inbound-interchange");
            long id = gateway.submit(bytes(interchange(ACME, "CRASH02", ordersBody("PO-CRASH-3", "20261120", "4000862141404", 2))),
                    "file", "crash02.edi", ProcessingMode.DELIVER);

            int offered;
            try (var template = camel.createProducerTemplate()) {
                offered = new RecoverySweep(gateway.journal(), template).run();
            }

            assertThat(offered).isEqualTo(1);
            BrowsableEndpoint queue = camel.getEndpoint("jms:queue:aval.interchanges", BrowsableEndpoint.class);
            assertThat(queue.getExchanges()).singleElement()
                    .satisfies(x -> assertThat(x.getMessage().getBody(Long.class)).isEqualTo(id));

            camel.getRouteController().startRoute("inbound-interchange");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> gateway.journal().pendingCount() == 0);
            assertThat(gateway.journal().messagesOf(id)).singleElement()
                    .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED));
            assertThat(erpFiles()).singleElement().satisfies(n -> assertThat(n).contains("PO-CRASH-3"));
        }
    }

    @Test
    void theScheduleRemovesTheMarkersOfDeliveredMessagesAndLeavesTheirFiles() throws Exception {
        var config = TestGateway.config(data).with("aval.deliveries.keep-days", "0").with("aval.deliveries.prune-period-ms", "300");
        try (Gateway gateway = TestGateway.start(config)) {
            gateway.camelContext().getRouteController().stopRoute("delivery-markers");
            long id = gateway.submit(bytes(interchange(ACME, "CRASH03", ordersBody("PO-CRASH-4", "20261120", "4000862141404", 3))),
                    "file", "crash03.edi", ProcessingMode.DELIVER);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> gateway.journal().pendingCount() == 0);
            long message = gateway.journal().messagesOf(id).get(0).id();
            assertThat(gateway.journal().message(message).status()).isEqualTo(MessageStatus.DELIVERED);

            Path marker = data.resolve("deliveries/erp/M" + message);
            assertThat(marker).exists();

            gateway.camelContext().getRouteController().startRoute("delivery-markers");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> !Files.exists(marker));
            assertThat(erpFiles()).singleElement().satisfies(n -> assertThat(n).contains("PO-CRASH-4"));
        }
    }

    private List<String> erpFiles() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("outbound/erp"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }
}
