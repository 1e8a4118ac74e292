package io.aval.gateway;

import io.aval.edifact.EnvelopeProfile;
import io.aval.edifact.OutboundTranslator;
import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.mapping.MessageRejectedException;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;

/**
 * Outbound stage: a UBL document from the ERP becomes an EDIFACT interchange in the partner's
 * dialect (directory, syntax version, character set, envelope from its profile) with the
 * partner's next control reference, and is recorded as delivered once written.
 */
public final class OutboundDispatcher {

    private final Journal journal;
    private final PartnerDirectory partners;
    private final OutboundTranslator translator;

    public OutboundDispatcher(Journal journal, PartnerDirectory partners, OutboundTranslator translator) {
        this.journal = journal;
        this.partners = partners;
        this.translator = translator;
    }

    /** Body in: message journal id. Body out: the interchange bytes; headers name the file and partner. */
    public void translate(Exchange exchange) {
        Message in = exchange.getMessage();
        QueuedMessage queued = QueuedMessage.take(in, journal, partners);
        MessageRecord m = queued.record();
        Partner partner = queued.partner();
        EnvelopeProfile profile = PartnerEnvelopes.of(partner, partners.supplier().identities().get(0));
        if (profile == null) {
            throw new MessageRejectedException("partner " + partner.id() + " has no outbound profile in partners.yaml: "
                    + m.messageType() + " " + m.documentNumber() + " cannot be sent");
        }
        OutboundTranslator.OutboundInterchange out = translator.translate(m.rawText().getBytes(StandardCharsets.UTF_8), profile);
        String type = String.join("+", out.messageTypes());
        journal.identifyOutbound(queued.id(), type, profile.directory().name(), out.controlReference());
        in.setHeader(AvalHeaders.MESSAGE_TYPE, type);
        in.setHeader(Exchange.FILE_NAME, (partner.id() + "-" + type + "-" + out.controlReference() + ".edi")
                .replaceAll("[^A-Za-z0-9._+-]", "_"));
        in.setBody(out.bytes());
    }

    public void delivered(@Header(AvalHeaders.MESSAGE_ID) long messageId, @Header(Exchange.FILE_NAME_PRODUCED) String path) {
        journal.transition(messageId, MessageStatus.DELIVERED, null, path);
    }
}
