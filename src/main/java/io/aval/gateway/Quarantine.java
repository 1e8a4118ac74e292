package io.aval.gateway;

import io.aval.journal.InterchangeStatus;
import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import io.aval.mapping.FailureDescriber;
import org.apache.camel.Exchange;
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
        LOG.warn("Attempt failed for {} (will be redelivered by the broker): {}",
                exchange.getMessage().getBody(), FailureDescriber.describe(e));
    }

    /** A message the broker gave up on: quarantined with what it was. */
    public void deadLetter(Exchange exchange) {
        String stage = exchange.getMessage().getHeader(AvalHeaders.STAGE, String.class);
        // the tap queue may carry the extracted event as its body; the message id then travels as a header
        Long header = exchange.getMessage().getHeader(AvalHeaders.MESSAGE_ID, Long.class);
        Long id = header != null && !"interchange".equals(stage) ? header : exchange.getMessage().getBody(Long.class);
        String reason = "technical failure: the " + stage + " stage failed on every delivery attempt; see the log";
        if (id != null && !journal.holds("interchange".equals(stage) ? Journal.Entity.INTERCHANGE : Journal.Entity.MESSAGE, id)) {
            // the broker kept a hand-off whose journal rows are gone: the database lost commits it had acknowledged
            LOG.error("Dead letter {} {}: the journal holds no {} {}; the broker kept a hand-off the database lost (a "
                    + "database that lost acknowledged commits in a crash: README \"Exactly once\"). Nothing to quarantine; "
                    + "the partner's interchange may need to be sent again", stage, id, stage, id);
            return;
        }
        if ("interchange".equals(stage) && id != null) {
            journal.settle(id, InterchangeStatus.QUARANTINED, reason);
            // messages an earlier attempt recorded never reached their queue: kept with the interchange, not left ACCEPTED
            journal.messagesOf(id).stream().filter(m -> m.status() == MessageStatus.ACCEPTED)
                    .forEach(m -> journal.transition(m.id(), MessageStatus.QUARANTINED, reason, null));
        } else if (id != null && journal.message(id).status().terminal()) {
            // delivered or archived already: it was the signal tap that gave up, not the flow
            journal.tapped(id, "not tapped: " + reason);
        } else if (id != null) {
            journal.transition(id, MessageStatus.QUARANTINED, reason, null);
        }
        LOG.error("Dead letter {} {}: {}", stage, id, reason);
    }
}
