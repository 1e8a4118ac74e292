package io.aval.gateway;

import io.aval.journal.MessageRecord;
import io.aval.journal.Journal;
import io.aval.mapping.MessageRejectedException;
import io.aval.mapping.UblValidator;
import io.aval.partner.PartnerDirectory;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * UBL 2.1 documents from customers who speak XML (a UBL Order): already in the ERP's language, so the
 * stage checks the document against the UBL 2.1 schema and hands it to the ERP drop as the EDIFACT flow
 * hands its translated orders.
 */
public final class InboundUblDocuments {

    private final Journal journal;
    private final PartnerDirectory partners;
    private final UblValidator validator;

    public InboundUblDocuments(Journal journal, PartnerDirectory partners, UblValidator validator) {
        this.journal = journal;
        this.partners = partners;
        this.validator = validator;
    }

    /** Body in: message journal id. Body out: the document, schema-valid; headers name it for the ERP file. */
    public void read(Exchange exchange) {
        Message in = exchange.getMessage();
        QueuedMessage queued = QueuedMessage.take(in, journal, partners);
        MessageRecord m = queued.record();
        String document = m.messageType().substring("UBL:".length());
        in.setHeader(AvalHeaders.MESSAGE_TYPE, m.messageType());
        in.setHeader(AvalHeaders.DOCUMENT_NUMBER, m.documentNumber());
        in.setHeader(AvalHeaders.DOCUMENT_TYPE, document);
        List<String> errors = validator.errors(m.rawText(), document);
        if (!errors.isEmpty()) {
            throw new MessageRejectedException("partner " + m.partnerId() + ", UBL " + document + " " + m.documentNumber()
                    + " (M-" + m.id() + "): not valid UBL 2.1: " + String.join("; ", errors.subList(0, Math.min(3, errors.size())))
                    + (errors.size() > 3 ? " (+" + (errors.size() - 3) + " more)" : ""));
        }
        in.setBody(m.rawText());
    }
}
