package io.aval.gateway;

import io.aval.edifact.EnvelopeProfile;
import io.aval.edifact.OutboundTranslator;
import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.mapping.MessageRejectedException;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.transport.IdempotentFileDrop;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;

/**
 * Outbound stage: a UBL document from the ERP becomes an EDIFACT interchange in the partner's
 * dialect (directory, syntax version, character set, envelope from its profile) with the
 * partner's next control reference, and is recorded as delivered once written. Written once:
 * a redelivery after a crash neither takes a new control reference nor sends the partner a second
 * interchange for the same document ({@link IdempotentFileDrop}).
 */
public final class OutboundDispatcher {

    private final Journal journal;
    private final PartnerDirectory partners;
    private final OutboundTranslator translator;

    private final Path outbound;
    private final IdempotentFileDrop drop;

    /** Writes to {@code outbound}/&lt;partner&gt;/ (DATA/outbound), keeping its hand-off markers under {@code markers}. */
    public OutboundDispatcher(Journal journal, PartnerDirectory partners, OutboundTranslator translator, Path outbound,
                              Path markers) {
        this.journal = journal;
        this.partners = partners;
        this.translator = translator;
        this.outbound = outbound;
        this.drop = new IdempotentFileDrop(markers);
    }

    /** Body in: message journal id. Body out: the interchange bytes; headers name the file and partner. */
    public void translate(Exchange exchange) {
        Message in = exchange.getMessage();
        QueuedMessage queued = QueuedMessage.take(in, journal, partners);
        MessageRecord m = queued.record();
        Partner partner = queued.partner();
        Optional<String> started = drop.recordedName(handOffKey(queued.id()));
        if (started.isPresent()) {
            // handed over (or half-way) before a restart: same file, same control reference
            in.setHeader(Exchange.FILE_NAME, started.get());
            in.setBody(new byte[0]);
            return;
        }
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

    /** Body in: the interchange bytes. Writes them to the partner's outbound folder, once per message, and journals DELIVERED. */
    public void deliver(Exchange exchange) {
        Message in = exchange.getMessage();
        long messageId = in.getHeader(AvalHeaders.MESSAGE_ID, Long.class);
        IdempotentFileDrop.HandOff handOff = drop.deliver(outbound.resolve(in.getHeader(AvalHeaders.PARTNER, String.class)),
                handOffKey(messageId), in.getHeader(Exchange.FILE_NAME, String.class), in.getBody(byte[].class));
        in.setHeader(Exchange.FILE_NAME_PRODUCED, handOff.file().toString());
        delivered(messageId, handOff.file().toString());
    }

    private static String handOffKey(long messageId) {
        return "M" + messageId;
    }

    public void delivered(@Header(AvalHeaders.MESSAGE_ID) long messageId, @Header(Exchange.FILE_NAME_PRODUCED) String path) {
        journal.transition(messageId, MessageStatus.DELIVERED, null, path);
    }
}
