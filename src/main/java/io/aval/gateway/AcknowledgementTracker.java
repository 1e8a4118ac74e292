package io.aval.gateway;

import io.aval.edifact.ContrlReader;
import io.aval.edifact.ContrlReport;
import io.aval.edifact.EnvelopeChecker;
import io.aval.edifact.TranslationException;
import io.aval.journal.AcknowledgementRecord;
import io.aval.journal.AcknowledgementStatus;
import io.aval.journal.Acknowledgements;
import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.mapping.MessageRejectedException;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other half of CONTRL: for each interchange we send asking for one (profile {@code outbound.ackRequested}),
 * an acknowledgement is awaited until the profile's {@code ackWithin}; the partner's CONTRL, matched by
 * partner and UCI 0020 (our interchange control reference), settles it as ACKNOWLEDGED or REJECTED with its
 * 0085 codes in words, and the overdue check reports those that never came.
 */
public final class AcknowledgementTracker {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementTracker.class);

    private final Journal journal;
    private final Acknowledgements acknowledgements;
    private final PartnerDirectory partners;
    private final ContrlReader reader = new ContrlReader();
    private final Clock clock;

    public AcknowledgementTracker(Journal journal, Acknowledgements acknowledgements, PartnerDirectory partners, Clock clock) {
        this.journal = journal;
        this.acknowledgements = acknowledgements;
        this.partners = partners;
        this.clock = clock;
    }

    /** Outbound route step, once the interchange is written: a CONTRL is awaited when the profile asked for one. */
    public void expect(@Header(AvalHeaders.MESSAGE_ID) long messageId) {
        MessageRecord m = journal.message(messageId);
        Partner partner = partners.byId(m.partnerId()).orElse(null);
        if (partner == null || partner.outbound() == null || !Boolean.TRUE.equals(partner.outbound().ackRequested())
                || m.interchangeRef() == null) {
            return;
        }
        acknowledgements.expect(messageId, partner.id(), m.interchangeRef(),
                clock.instant().plus(partner.outbound().acknowledgementDeadline()));
    }

    /**
     * Route step for a CONTRL message from a partner (body: its journal id): settles the acknowledgement of the
     * interchange it names. A CONTRL that cannot be read, or that acknowledges nothing we sent that partner, is a
     * rejection (quarantined with the reason); the CONTRL itself is journaled DELIVERED "to" what it acknowledged.
     */
    public void received(Exchange exchange) {
        QueuedMessage queued = QueuedMessage.take(exchange.getMessage(), journal, partners);
        MessageRecord m = queued.record();
        String where = "partner " + m.partnerId() + ", interchange " + m.interchangeRef() + ", CONTRL message " + m.messageRef();
        ContrlReport report;
        try {
            report = reader.read(m.rawText().getBytes(charsetOf(m.rawText())));
        } catch (TranslationException e) {
            throw new MessageRejectedException(where + ": unreadable CONTRL: " + e.getMessage());
        }
        if (!partners.isSupplier(report.senderId(), report.senderQualifier())) {
            throw new MessageRejectedException(where + ": UCI names " + report.senderId()
                    + " as the sender of interchange " + report.interchangeReference() + ", which is not the supplier");
        }
        AcknowledgementStatus status = rejected(report) ? AcknowledgementStatus.REJECTED : AcknowledgementStatus.ACKNOWLEDGED;
        String detail = describe(m.partnerId(), report);
        AcknowledgementRecord ack = acknowledgements.answer(m.partnerId(), report.interchangeReference(), status, detail, m.id())
                .orElseThrow(() -> new MessageRejectedException(where + ": acknowledges interchange "
                        + report.interchangeReference() + ", which Aval never sent to " + m.partnerId()));
        journal.transition(m.id(), MessageStatus.DELIVERED, null,
                "acknowledgement of interchange " + ack.controlRef() + " (M-" + ack.messageId() + "): " + status);
        journal.tapped(m.id(), "CONTRL: nothing for the signal side");
        LOG.info("Interchange {} to {} {} by CONTRL M-{}", ack.controlRef(), ack.partnerId(), status, m.id());
    }

    /** Timer route: every awaited acknowledgement past its deadline becomes OVERDUE (and is logged). */
    public int markOverdue() {
        List<AcknowledgementRecord> late = acknowledgements.markOverdue(clock.instant());
        late.forEach(a -> LOG.warn("OVERDUE: {}", a.detail()));
        return late.size();
    }

    static boolean rejected(ContrlReport r) {
        return r.action() == ContrlReport.Action.REJECTED
                || r.messages().stream().anyMatch(m -> m.action() == ContrlReport.Action.REJECTED);
    }

    /** The partner's verdict in words, e.g. "partner acme rejected interchange 42: message 1 (INVOIC): 29 control count …". */
    static String describe(String partner, ContrlReport r) {
        StringBuilder s = new StringBuilder("partner ").append(partner).append(rejected(r) ? " rejected" : " acknowledged")
                .append(" interchange ").append(r.interchangeReference());
        if (r.action() == ContrlReport.Action.RECEIVED) {
            s.append(" (received, content not checked)");
        }
        List<String> parts = new ArrayList<>();
        r.findings().forEach(f -> parts.add("interchange: " + words(f)));
        for (ContrlReport.MessageReport m : r.messages()) {
            if (m.action() != ContrlReport.Action.REJECTED) {
                continue;
            }
            String head = "message " + m.messageReference() + (m.messageType() == null ? "" : " (" + m.messageType() + ")");
            if (m.findings().isEmpty()) {
                parts.add(head + " rejected");
            }
            m.findings().forEach(f -> parts.add(head + ": " + words(f)));
        }
        if (!parts.isEmpty()) {
            s.append(": ").append(String.join("; ", parts));
        }
        return s.toString();
    }

    private static String words(ContrlReport.Finding f) {
        StringBuilder s = new StringBuilder(f.error().code()).append(' ').append(f.error().description());
        if (f.segmentPosition() != null) {
            s.append(" at segment ").append(f.segmentPosition());
        }
        if (f.segmentTag() != null) {
            s.append(f.segmentPosition() == null ? " in " : " (").append(f.segmentTag()).append(f.segmentPosition() == null ? "" : ")");
        }
        if (f.elementPosition() != null) {
            s.append(", element ").append(f.elementPosition());
            if (f.componentPosition() != null) {
                s.append(" component ").append(f.componentPosition());
            }
        }
        return s.toString();
    }

    /** The message text is kept decoded; CONTRL carries only codes and references, so UNOW/UNOY aside latin-1 is exact. */
    private static Charset charsetOf(String text) {
        return EnvelopeChecker.declaredEncoding(text).orElse(StandardCharsets.ISO_8859_1);
    }
}
