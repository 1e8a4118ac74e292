package io.aval.gateway;

import io.aval.journal.InterchangeStatus;
import io.aval.journal.Journal;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run once when the gateway starts: puts back on the broker the interchanges the journal holds
 * as RECEIVED. The "received" step commits the raw bytes to the database and then sends the
 * journal id to {@code aval.interchanges}: two resources, no common transaction, so a process
 * killed between the two leaves an interchange journaled that no queue carries. Every send of
 * an interchange id (the receive route's and this sweep's) carries the Artemis duplicate id
 * {@code interchange-<id>}, so an interchange that was queued after all is not queued twice.
 * <p>Nothing else needs sweeping: every later hand-off (interchange → messages → ERP → tap)
 * happens inside the consuming JMS transaction, and the database steps it takes before the
 * commit are repeatable (see README "Exactly once").
 */
public final class RecoverySweep {

    private static final Logger LOG = LoggerFactory.getLogger(RecoverySweep.class);
    static final String INTERCHANGES = "jms:queue:aval.interchanges?disableReplyTo=true";

    private final Journal journal;
    private final ProducerTemplate template;

    public RecoverySweep(Journal journal, ProducerTemplate template) {
        this.journal = journal;
        this.template = template;
    }

    /** Re-sends every RECEIVED interchange; returns how many ids it offered the broker. */
    public int run() {
        List<Long> received = journal.interchangeIds(InterchangeStatus.RECEIVED);
        for (long id : received) {
            template.sendBodyAndHeaders(INTERCHANGES, id, Map.of(
                    AvalHeaders.STAGE, "interchange",
                    AvalHeaders.DUPLICATE_ID, duplicateId(id)));
        }
        if (!received.isEmpty()) {
            LOG.info("Recovery: {} interchange(s) still RECEIVED offered to aval.interchanges again (ids the broker "
                    + "already holds are dropped as duplicates)", received.size());
        }
        return received.size();
    }

    /** The duplicate id of an interchange's queue message. */
    public static String duplicateId(long interchangeId) {
        return "interchange-" + interchangeId;
    }
}
