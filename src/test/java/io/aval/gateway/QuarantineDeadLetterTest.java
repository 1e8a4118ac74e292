package io.aval.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import io.aval.testing.TestJournal;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead-letter handler on a real H2 journal, for a queue message whose journal row is gone (a
 * database that lost acknowledged commits in a crash while the broker kept the hand-off): it is
 * logged and dropped, not thrown back at the dead-letter route, and nothing else is touched.
 */
class QuarantineDeadLetterTest {

    @TempDir
    static Path data;

    private static TestJournal store;
    private static Journal journal;
    private static DefaultCamelContext camel;

    @BeforeAll
    static void open() {
        store = TestJournal.open(data);
        journal = store.journal();
        camel = new DefaultCamelContext();
    }

    @AfterAll
    static void close() throws Exception {
        camel.close();
        store.close();
    }

    @Test
    void aMessageIdTheJournalNoLongerHoldsIsDroppedWithoutThrowing() {
        Exchange exchange = deadLetter("message", 987_654L);

        new Quarantine(journal).deadLetter(exchange);

        assertThat(journal.holds(Journal.Entity.MESSAGE, 987_654L)).isFalse();
    }

    @Test
    void anInterchangeIdTheJournalNoLongerHoldsIsDroppedWithoutThrowing() {
        Exchange exchange = deadLetter("interchange", 876_543L);

        new Quarantine(journal).deadLetter(exchange);

        assertThat(journal.holds(Journal.Entity.INTERCHANGE, 876_543L)).isFalse();
    }

    @Test
    void aMessageTheJournalHoldsIsStillQuarantined() {
        long message = store.messages("DL1", 1, MessageStatus.ACCEPTED).get(0);

        new Quarantine(journal).deadLetter(deadLetter("message", message));

        assertThat(journal.message(message).status()).isEqualTo(MessageStatus.QUARANTINED);
        assertThat(journal.message(message).reason()).contains("the message stage failed on every delivery attempt");
    }

    @Test
    void everyMessageOfATranslationBatchIsQuarantined() {
        List<Long> ids = store.messages("DL2", 2, MessageStatus.ACCEPTED);

        new Quarantine(journal).deadLetter(deadLetter("message", ids.get(0) + "," + ids.get(1)));

        assertThat(ids).allSatisfy(id -> {
            assertThat(journal.message(id).status()).isEqualTo(MessageStatus.QUARANTINED);
            assertThat(journal.message(id).reason()).contains("the message stage failed", "a batch of 2 messages");
        });
    }

    @Test
    void aTapBatchTheBrokerGaveUpOnIsNotedOnEachDeliveredMessage() {
        List<Long> ids = store.messages("DL3", 2, MessageStatus.DELIVERED);
        String batch = new io.aval.signal.TapBatch(List.of(new io.aval.signal.TapBatch.Item(ids.get(0), null),
                new io.aval.signal.TapBatch.Item(ids.get(1), null))).toJson();

        new Quarantine(journal).deadLetter(deadLetter("message", batch));

        assertThat(ids).allSatisfy(id -> {
            assertThat(journal.message(id).status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(journal.isTapped(id)).isTrue();
            assertThat(journal.message(id).tapNote()).startsWith("not tapped: technical failure");
        });
    }

    private static Exchange deadLetter(String stage, Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(AvalHeaders.STAGE, stage);
        exchange.getMessage().setBody(body);
        return exchange;
    }
}
