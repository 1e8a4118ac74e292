package io.aval.gateway;

import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.mapping.MessageRejectedException;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import org.apache.camel.Message;

/**
 * A message id taken off a queue, looked up: its journal record and its partner, with the
 * headers every later step and the error handling read (message, interchange, partner, account).
 */
record QueuedMessage(long id, MessageRecord record, Partner partner) {

    /**
     * Reads the id in the body (or takes the record a batch read with the others); a partner
     * removed from partners.yaml since is a rejection, not a retry.
     */
    static QueuedMessage take(Message in, Journal journal, PartnerDirectory partners) {
        MessageRecord m = in.getBody() instanceof MessageRecord given ? given : journal.message(in.getBody(Long.class));
        long messageId = m.id();
        in.setHeader(AvalHeaders.MESSAGE_ID, messageId);
        in.setHeader(AvalHeaders.INTERCHANGE_ID, m.interchangeId());
        in.setHeader(AvalHeaders.PARTNER, m.partnerId());
        Partner partner = partners.byId(m.partnerId())
                .orElseThrow(() -> new MessageRejectedException("partner " + m.partnerId() + " is no longer in partners.yaml"));
        in.setHeader(AvalHeaders.ACCOUNT, partner.account());
        return new QueuedMessage(messageId, m, partner);
    }
}
