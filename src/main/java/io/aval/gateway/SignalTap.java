package io.aval.gateway;

import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.mapping.EdifactReaders;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.signal.AccountEvent;
import io.aval.signal.AccountEventExtractor;
import io.aval.signal.Direction;
import io.aval.signal.Signal;
import io.aval.signal.SignalEngine;
import io.aval.signal.TapBatch;
import io.aval.signal.UblAccountEventExtractor;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The tap: takes a delivered or archived message into its account's history and runs the
 * detectors. It consumes from its own queue, after delivery, so it can neither slow nor break a
 * flow; a message that says nothing to the detectors (no document date, say) is noted, not retried.
 */
public final class SignalTap {

    private static final Logger LOG = LoggerFactory.getLogger(SignalTap.class);

    private final Journal journal;
    private final PartnerDirectory partners;
    private final EdifactReaders readers;
    private final SignalEngine engine;
    private final AccountEventExtractor edifact = new AccountEventExtractor();
    private final UblAccountEventExtractor ubl = new UblAccountEventExtractor();

    public SignalTap(Journal journal, PartnerDirectory partners, EdifactReaders readers, SignalEngine engine) {
        this.journal = journal;
        this.partners = partners;
        this.readers = readers;
        this.engine = engine;
    }

    /** Exchange header holding the event extracted in the translation stage (never sent over the broker). */
    static final String EVENT = "AvalTapEvent";

    /**
     * In the translation stage: extracts the account event from the message's tree that the mapping
     * parsed ({@link MessageTranslator#map}), or, called right after {@link MessageTranslator#read},
     * from the body (the tree {@code read} built, as XML text), so the tap does not read the message a second time.
     * Never fails the flow: a message the extractor cannot read is tapped from the journal later.
     */
    public void extract(Exchange exchange) {
        Message in = exchange.getMessage();
        String account = in.getHeader(AvalHeaders.ACCOUNT, String.class);
        Long messageId = in.getHeader(AvalHeaders.MESSAGE_ID, Long.class);
        Document tree = in.getHeader(MessageTranslator.SOURCE_TREE, Document.class);
        in.removeHeader(MessageTranslator.SOURCE_TREE);
        String xml = tree == null ? in.getBody(String.class) : null;
        if (account == null || messageId == null || (tree == null && xml == null)) {
            return;
        }
        try {
            in.setHeader(EVENT, edifact.extract(tree != null ? tree : parseXml(xml), account, Direction.INBOUND, "M-" + messageId));
        } catch (RuntimeException e) {
            LOG.debug("Message M-{}: event not extracted in the translation stage ({}); the tap will read it", messageId, e.getMessage());
        }
    }

    /**
     * After a translation batch ({@link ErpDelivery#closeBatch}): what goes on the tap queue, one
     * message for the batch with each delivered message's event (when the translation stage
     * extracted it), grouped by account. No body when nothing of the batch was delivered.
     */
    public void handOverBatch(Exchange exchange) {
        Message in = exchange.getMessage();
        DeliveryBatch batch = DeliveryBatch.of(exchange);
        List<DeliveryBatch.Delivered> delivered = batch.delivered();
        if (delivered.isEmpty()) {
            in.setBody(null);
            return;
        }
        in.setBody(new TapBatch(delivered.stream()
                .map(d -> new TapBatch.Item(d.messageId(), d.event())).toList()).toJson());
        in.setHeader(AvalHeaders.ACCOUNT, batch.account());
        in.setHeader("JMSXGroupID", batch.account());
    }

    /**
     * Tap queue consumer: body is a batch ({@link TapBatch}), a message id, or a single event (JSON)
     * with the message id as a header, as versions before batches queued it.
     */
    public void accept(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (body instanceof String json && TapBatch.isBatch(json)) {
            acceptBatch(TapBatch.fromJson(json));
            return;
        }
        if (body instanceof String json && json.startsWith("{")) {
            long messageId = in.getHeader(AvalHeaders.MESSAGE_ID, Long.class);
            if (!journal.isTapped(messageId)) {
                evaluate(messageId, AccountEvent.fromJson(json));
            }
            return;
        }
        acceptMessage(in.getBody(Long.class));
    }

    /**
     * A batch: the messages not yet tapped, in order, evaluated together ({@link SignalEngine#acceptAll})
     * and noted as tapped in the engine's last transaction for them. A message whose event did not come with the batch is
     * read from the journal, as a single message would be.
     */
    void acceptBatch(TapBatch batch) {
        java.util.Set<Long> done = journal.tappedAmong(batch.items().stream().map(TapBatch.Item::messageId).toList());
        List<Long> ids = new java.util.ArrayList<>();
        List<AccountEvent> events = new java.util.ArrayList<>();
        java.util.Map<Long, String> notes = new java.util.LinkedHashMap<>();
        for (TapBatch.Item item : batch.items()) {
            if (done.contains(item.messageId())) {
                continue;
            }
            AccountEvent event = item.event();
            if (event == null) {
                Extracted read = extractFromJournal(item.messageId());
                if (read.event() == null) {
                    if (read.note() != null) {
                        notes.put(item.messageId(), read.note());
                    }
                    continue;
                }
                event = read.event();
            }
            ids.add(item.messageId());
            events.add(event);
        }
        // noted as tapped in the engine's last commit for the batch, the one that records the last events
        List<List<Signal>> fresh = engine.acceptAll(events, (em, raised) -> {
            java.util.Map<Long, String> all = new java.util.LinkedHashMap<>(notes);
            for (int i = 0; i < ids.size(); i++) {
                all.put(ids.get(i), tapNote(raised.get(i)));
            }
            journal.tappedAll(em, all);
        });
        fresh.forEach(SignalTap::log);
    }

    /** Taps a message from its journal record: reads it again with the partner's reader. */
    public void acceptMessage(long messageId) {
        Extracted read = extractFromJournal(messageId);
        if (read.event() == null) {
            if (read.note() != null) {
                journal.tapped(messageId, read.note());
            }
            return;
        }
        evaluate(messageId, read.event());
    }

    /** A message's event read from the journal, or the note saying why there is none (no note: already tapped). */
    private record Extracted(AccountEvent event, String note) {
    }

    private Extracted extractFromJournal(long messageId) {
        MessageRecord m = journal.message(messageId);
        if (m.tappedAt() != null) {
            return new Extracted(null, null);
        }
        Partner partner = partners.byId(m.partnerId()).orElse(null);
        if (partner == null || m.rawText() == null) {
            return new Extracted(null, "not tapped: " + (partner == null ? "partner unknown" : "no message text"));
        }
        Direction direction = Direction.valueOf(m.direction().name());
        try {
            if (m.messageType() != null && m.messageType().startsWith("UBL:")) {
                return new Extracted(ubl.extract(parseXml(m.rawText()), partner.account(), direction, "M-" + messageId), null);
            }
            String xml = readers.read(m.rawText(), m.messageVersion(), partner.inbound().reader());
            return new Extracted(edifact.extract(parseXml(xml), partner.account(), direction, "M-" + messageId), null);
        } catch (RuntimeException e) {
            LOG.info("Message M-{} not tapped: {}", messageId, e.getMessage());
            return new Extracted(null, "not tapped: " + e.getMessage());
        }
    }

    private void evaluate(long messageId, AccountEvent event) {
        List<Signal> fresh = engine.accept(event);
        journal.tapped(messageId, tapNote(fresh));
        log(fresh);
    }

    private static String tapNote(List<Signal> fresh) {
        return fresh.isEmpty() ? "tapped" : "tapped: " + fresh.size() + " signal(s)";
    }

    private static void log(List<Signal> fresh) {
        fresh.forEach(s -> LOG.info("Signal {} for {} on {}: {}", s.type(), s.accountId(), s.businessDate(), s.summary()));
    }

    /** Live mode, once a day: business time moves on even when no message arrives, so silences surface. */
    public void advanceToToday() {
        engine.advanceBusinessTime(LocalDate.now())
                .forEach(s -> LOG.info("Signal {} for {} on {}: {}", s.type(), s.accountId(), s.businessDate(), s.summary()));
    }

    /** One parser per consumer thread (a DocumentBuilder is not thread-safe; making one per message cost more than parsing). */
    private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> PARSER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newDocumentBuilder();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no namespace-aware XML parser without DOCTYPE: " + e.getMessage(), e);
        }
    });

    private static Document parseXml(String xml) {
        javax.xml.parsers.DocumentBuilder parser = PARSER.get();
        try {
            Document doc = parser.parse(new InputSource(new StringReader(xml)));
            parser.reset();
            return doc;
        } catch (Exception e) {
            PARSER.remove(); // a parser that failed is not used again
            throw new IllegalArgumentException("unreadable XML: " + e.getMessage(), e);
        }
    }
}
