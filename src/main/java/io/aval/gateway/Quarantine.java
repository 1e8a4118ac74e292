package io.aval.gateway;

import io.aval.journal.InterchangeStatus;
import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import io.aval.mapping.FailureDescriber;
import io.aval.signal.TapBatch;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages that cannot go on are kept, with a reason a person can act on. Called from the
 * error-handling route configuration: rejections immediately, technical failures once the
 * broker has given up redelivering them (dead-letter queue).
 */
public final class Quarantine {

    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

    private final Journal journal;

    public Quarantine(Journal journal) {
        this.journal = journal;
    }

    /** A message rejected for a reason in its content or configuration. */
    public void rejected(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Long messageId = exchange.getMessage().getHeader(AvalHeaders.MESSAGE_ID, Long.class);
        String reason = FailureDescriber.describe(e);
        if (messageId != null) {
            journal.transition(messageId, MessageStatus.QUARANTINED, reason, null);
        }
        LOG.warn("Quarantined message M-{}: {}", messageId, reason);
    }

    /** A technical failure: logged against the journal entry; the broker will redeliver. */
    public void attemptFailed(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Long messageId = exchange.getMessage().getHeader(AvalHeaders.MESSAGE_ID, Long.class);
        LOG.warn("Attempt failed for {} (will be redelivered by the broker): {}",
                messageId != null ? "message M-" + messageId : exchange.getMessage().getBody(), FailureDescriber.describe(e));
    }

    /**
     * A message the broker gave up on: quarantined with what it was. A batch (translation: message
     * ids separated by commas; tap: a {@link TapBatch}) is handled message by message.
     */
    public void deadLetter(Exchange exchange) {
        String stage = exchange.getMessage().getHeader(AvalHeaders.STAGE, String.class);
        List<Long> ids = idsOf(exchange, stage);
        String reason = "technical failure: the " + stage + " stage failed on every delivery attempt; see the log"
                + (ids.size() > 1 ? " (a batch of " + ids.size() + " messages)" : "");
        if (ids.isEmpty()) {
            LOG.error("Dead letter {} with no journal id: {}", stage, reason);
        }
        for (Long id : ids) {
            deadLetter(stage, id, reason);
        }
    }

    private void deadLetter(String stage, long id, String reason) {
        if (!journal.holds("interchange".equals(stage) ? Journal.Entity.INTERCHANGE : Journal.Entity.MESSAGE, id)) {
            // the broker kept a hand-off whose journal rows are gone: the database lost commits it had acknowledged
            LOG.error("Dead letter {} {}: the journal holds no {} {}; the broker kept a hand-off the database lost (a "
                    + "database that lost acknowledged commits in a crash: README \"Exactly once\"). Nothing to quarantine; "
                    + "the partner's interchange may need to be sent again", stage, id, stage, id);
            return;
        }
        if ("interchange".equals(stage)) {
            journal.settle(id, InterchangeStatus.QUARANTINED, reason);
            // messages an earlier attempt recorded never reached their queue: kept with the interchange, not left ACCEPTED
            journal.messagesOf(id).stream().filter(m -> m.status() == MessageStatus.ACCEPTED)
                    .forEach(m -> journal.transition(m.id(), MessageStatus.QUARANTINED, reason, null));
        } else if (journal.message(id).status().terminal()) {
            // delivered or archived already: it was the signal tap that gave up, not the flow
            journal.tapped(id, "not tapped: " + reason);
        } else {
            journal.transition(id, MessageStatus.QUARANTINED, reason, null);
        }
        LOG.error("Dead letter {} {}: {}", stage, id, reason);
    }

    /** The journal ids a dead letter carries: in a header, or its body (an id, ids separated by commas, a tap batch). */
    private static List<Long> idsOf(Exchange exchange, String stage) {
        Message in = exchange.getMessage();
        // the tap queue may carry the extracted event as its body; the message id then travels as a header
        Long header = in.getHeader(AvalHeaders.MESSAGE_ID, Long.class);
        if (header != null && !"interchange".equals(stage)) {
            return List.of(header);
        }
        Object body = in.getBody();
        if (body instanceof String text && TapBatch.isBatch(text)) {
            return TapBatch.fromJson(text).items().stream().map(TapBatch.Item::messageId).toList();
        }
        if (body instanceof String text && text.contains(",")) {
            return Arrays.stream(text.split(",")).map(String::trim).map(Long::valueOf).toList();
        }
        Long id = in.getBody(Long.class);
        return id == null ? List.of() : List.of(id);
    }
}
