package io.aval.edifact;

import io.aval.partner.ControlNumberSequence;
import org.w3c.dom.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The outbound capability in one bean for the routes: UBL documents from the ERP in, one EDIFACT interchange for
 * the partner out, with the next control reference of that partner. The reference is taken only after the
 * mapping and the character set check succeeded, so a failed translation never leaves a gap in the partner's
 * sequence (a failed send afterwards does: references are never reused).
 */
public final class OutboundTranslator {

    /** What was produced: the journal keeps the reference and message types next to the bytes. */
    public record OutboundInterchange(String controlReference, List<String> messageTypes, byte[] bytes) { }

    private final OutboundMessageMapper mapper;
    private final InterchangeWriter writer;
    private final ControlNumberSequence sequence;

    public OutboundTranslator(OutboundMessageMapper mapper, InterchangeWriter writer, ControlNumberSequence sequence) {
        this.mapper = mapper;
        this.writer = writer;
        this.sequence = sequence;
    }

    /** One UBL document → one interchange with one message. */
    public OutboundInterchange translate(byte[] ubl, EnvelopeProfile partner) {
        return translate(List.of(ubl), partner);
    }

    /** Several UBL documents for the same partner → one interchange, one message each, in the given order. */
    public OutboundInterchange translate(List<byte[]> ubls, EnvelopeProfile partner) {
        List<Document> messages = new ArrayList<>();
        for (byte[] ubl : ubls) {
            messages.add(mapper.map(ubl, partner.directory()));
        }
        InterchangeWriter.Prepared prepared = writer.prepare(partner, messages);
        String reference = sequence.nextReference(sequenceKey(partner));
        return new OutboundInterchange(reference, prepared.messageTypes(), prepared.write(reference));
    }

    /** The control number sequence of a partner: outbound, per recipient qualifier and id. */
    public static String sequenceKey(EnvelopeProfile partner) {
        return "out:" + (partner.recipientQualifier() == null ? "" : partner.recipientQualifier()) + ":" + partner.recipientId();
    }
}
