package io.aval.gateway;

import io.aval.journal.InterchangeRecord;
import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.journal.QuarantineLedger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.camel.ProducerTemplate;

/**
 * Re-runs a quarantined entry through a running gateway, after its partner profile or mapping
 * was fixed, and reports what became of it. The ledger journals the action (who, why); the
 * routes {@code reprocess-interchange} and {@code reprocess-message} put it back into the
 * pipeline; the pipeline journals the outcome as for any message.
 */
public final class Reprocessor {

    private final Gateway gateway;
    private final QuarantineLedger ledger;

    public Reprocessor(Gateway gateway) {
        this.gateway = gateway;
        this.ledger = new QuarantineLedger(gateway.database().entityManagerFactory());
    }

    /** What one entry of the re-run came to: DELIVERED, ARCHIVED, QUARANTINED (reason), DUPLICATE… */
    public record Result(String id, String status, String detail) {
        public boolean done() {
            return status.equals(MessageStatus.DELIVERED.name()) || status.equals(MessageStatus.ARCHIVED.name());
        }
    }

    /** The entry acted on, the entry it was re-run as (itself for a message) and the results. */
    public record Outcome(String subject, String rerunAs, List<Result> results) {
        public boolean delivered() {
            return !results.isEmpty() && results.stream().allMatch(Result::done);
        }
    }

    /**
     * Re-runs {@code entryId} and waits until the pipeline has settled it.
     *
     * @throws QuarantineLedger.ActionRefused when the entry is not in quarantine (delivered, discarded, …)
     */
    public Outcome reprocess(String entryId, String actor, String why, Duration timeout)
            throws TimeoutException, InterruptedException {
        QuarantineLedger.Subject subject = ledger.subject(entryId);
        Journal journal = gateway.journal();
        try (ProducerTemplate template = gateway.camelContext().createProducerTemplate()) {
            if (subject.scope() == QuarantineLedger.Scope.INTERCHANGE) {
                long rerun = ledger.reprocessInterchange(subject.id(), actor, why);
                template.sendBody("direct:reprocess-interchange", rerun);
                gateway.awaitIdle(timeout);
                InterchangeRecord i = journal.interchange(rerun);
                List<MessageRecord> messages = journal.messagesOf(rerun);
                List<Result> results = messages.isEmpty()
                        ? List.of(new Result("I-" + rerun, i.status().name(), i.reason()))
                        : messages.stream().map(Reprocessor::result).toList();
                return new Outcome(subject.id(), "I-" + rerun, results);
            }
            long messageId = ledger.reprocessMessage(subject.id(), actor, why);
            template.sendBody("direct:reprocess-message", messageId);
            gateway.awaitIdle(timeout);
            return new Outcome(subject.id(), subject.id(), List.of(result(journal.message(messageId))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Result result(MessageRecord m) {
        return new Result("M-" + m.id(), m.status().name(),
                m.status() == MessageStatus.DELIVERED ? "to " + m.deliveredTo() : m.reason());
    }
}
