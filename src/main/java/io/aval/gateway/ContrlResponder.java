package io.aval.gateway;

import io.aval.edifact.CharsetPolicy;
import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.ContrlBuilder;
import io.aval.edifact.ContrlPolicy;
import io.aval.edifact.ContrlReport;
import io.aval.edifact.EdifactDirectory;
import io.aval.edifact.EnvelopeProfile;
import io.aval.edifact.InterchangeHeader;
import io.aval.edifact.MessageSlice;
import io.aval.edifact.OutboundTranslator;
import io.aval.edifact.SyntaxCharset;
import io.aval.journal.Acknowledgements;
import io.aval.journal.ContrlReplyRecord;
import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.partner.ControlNumberSequence;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;

/**
 * Answers a received interchange with a CONTRL when its UNB 0031 or the partner's profile
 * ({@code inbound.contrl: true}) asks for one, never for a CONTRL. The interchange stage hands it its
 * verdict as a {@link ContrlReport}; the CONTRL is journaled at once as an outbound interchange with the
 * partner's next control reference, and the route then writes it to {@code DATA/outbound/<partner>/} (the
 * partner's outbound transport). A redelivered interchange finds its CONTRL already journaled: it is written
 * (again, under the same name) if it had not been, and never built twice.
 */
public final class ContrlResponder {

    /** Header naming the journal id of the CONTRL message the route is writing. */
    public static final String CONTRL_MESSAGE_ID = "AvalContrlMessageId";

    private final Journal journal;
    private final Acknowledgements acknowledgements;
    private final PartnerDirectory partners;
    private final ControlNumberSequence sequence;
    private final ContrlBuilder builder;

    public ContrlResponder(Journal journal, Acknowledgements acknowledgements, PartnerDirectory partners,
                           ControlNumberSequence sequence, ContrlBuilder builder) {
        this.journal = journal;
        this.acknowledgements = acknowledgements;
        this.partners = partners;
        this.sequence = sequence;
        this.builder = builder;
    }

    /**
     * Whether an interchange with this header and these message types gets a CONTRL from us (UNB 0031 or the
     * partner's {@code inbound.contrl}); never for an unknown sender or an unreadable header.
     */
    boolean owes(Partner partner, InterchangeHeader h, java.util.Collection<String> messageTypes) {
        return partner != null && h != null
                && ContrlPolicy.shouldAcknowledge(messageTypes, h.ackRequest(), partner.inbound().contrlRequested());
    }

    /**
     * Journals the CONTRL for interchange {@code interchangeId} from {@code partner} when one is due. Nothing
     * is sent for an unknown sender (no profile to answer to) or an unreadable header (no one to address).
     */
    void answer(long interchangeId, Partner partner, InterchangeHeader h, java.util.Collection<String> messageTypes,
                ContrlReport report) {
        if (!owes(partner, h, messageTypes) || acknowledgements.replyFor(interchangeId).isPresent()) {
            return;
        }
        EnvelopeProfile profile = replyProfile(partner, report);
        String reference = sequence.nextReference(OutboundTranslator.sequenceKey(profile));
        EnvelopeProfile reply = profile.withControlReference(reference);
        byte[] bytes = builder.build(report, reply);
        acknowledgements.recordReply(new Acknowledgements.Reply(interchangeId, partner.id(), report.recipientId(),
                report.recipientQualifier(), report.senderId(), report.senderQualifier(), reference,
                reply.charset().name() + ":" + reply.syntaxVersion(), report.interchangeReference(),
                report.action().code(), bytes, reply.charset().encoding()));
    }

    /**
     * The partner's outbound envelope (charset, UNA, test) addressed to the identity that sent the interchange;
     * a partner without an outbound agreement gets UNOC with UNA. The builder itself sets the syntax version of
     * the acknowledged interchange and the sender/recipient from the report.
     */
    private EnvelopeProfile replyProfile(Partner partner, ContrlReport report) {
        EnvelopeProfile own = PartnerEnvelopes.of(partner, partners.supplier().identities().get(0));
        int version = report.syntaxVersion() >= 4 ? 4 : 3;
        SyntaxCharset charset = own == null || own.charset().minSyntaxVersion() > version ? SyntaxCharset.UNOC : own.charset();
        return new EnvelopeProfile(version, charset,
                own == null ? CharsetPolicy.TRANSLITERATE : own.charsetPolicy(),
                own == null || own.una(),
                report.recipientId(), report.recipientQualifier(), report.senderId(), report.senderQualifier(), null,
                own != null && own.testIndicator(), false, null, own == null ? EdifactDirectory.D96A : own.directory());
    }

    /**
     * Route step after the interchange stage: body becomes the bytes of the CONTRL still to be written for the
     * interchange in {@link AvalHeaders#INTERCHANGE_ID}, with the file name and partner in headers; when there
     * is none, {@link #CONTRL_MESSAGE_ID} is removed and the route writes nothing.
     */
    public void pending(Exchange exchange) {
        Message in = exchange.getMessage();
        in.removeHeader(CONTRL_MESSAGE_ID);
        Long interchangeId = in.getHeader(AvalHeaders.INTERCHANGE_ID, Long.class);
        if (interchangeId == null) {
            return;
        }
        Optional<ContrlReplyRecord> reply = acknowledgements.replyFor(interchangeId);
        if (reply.isEmpty()) {
            return;
        }
        MessageRecord m = journal.message(reply.get().contrlMessageId());
        if (m.status() != MessageStatus.ACCEPTED) {
            return;
        }
        in.setHeader(CONTRL_MESSAGE_ID, m.id());
        in.setHeader(AvalHeaders.PARTNER, reply.get().partnerId());
        in.setHeader(Exchange.FILE_NAME, (reply.get().partnerId() + "-CONTRL-" + reply.get().controlRef() + ".edi")
                .replaceAll("[^A-Za-z0-9._+-]", "_"));
        in.setBody(journal.interchange(reply.get().contrlInterchangeId()).rawBytes());
    }

    /** The CONTRL is in the partner's outbound folder: delivered; it carries nothing for the signal side. */
    public void sent(@Header(CONTRL_MESSAGE_ID) long messageId, @Header(Exchange.FILE_NAME_PRODUCED) String path) {
        journal.transition(messageId, MessageStatus.DELIVERED, null, path);
        journal.tapped(messageId, "CONTRL: nothing for the signal side");
    }
}
