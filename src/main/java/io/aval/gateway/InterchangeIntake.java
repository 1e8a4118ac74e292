package io.aval.gateway;

import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.ContrlReport;
import io.aval.edifact.ContrlReports;
import io.aval.edifact.EdifactFinding;
import io.aval.edifact.EnvelopeChecker;
import io.aval.edifact.EnvelopeLimits;
import io.aval.edifact.Finding;
import io.aval.edifact.InterchangeHeader;
import io.aval.edifact.MessageSlice;
import io.aval.journal.Direction;
import io.aval.journal.InterchangeRecord;
import io.aval.journal.InterchangeStatus;
import io.aval.journal.Journal;
import io.aval.journal.MessageRecord;
import io.aval.journal.MessageStatus;
import io.aval.journal.ProcessingMode;
import io.aval.mapping.EdifactReaders;
import io.aval.mapping.MappingCatalog;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Second stage: takes a journaled interchange, runs the envelope checks, recognises the
 * partner, rejects duplicates, and records each message it holds. Returns the journal records
 * of the messages that go on to a next stage. Running it twice for the same interchange (a broker
 * redelivery) returns the same messages and records nothing new — also when the first run was
 * killed half-way through recording its messages.
 */
public final class InterchangeIntake {

    /** Acknowledgements from partners: matched to what we sent, never translated nor answered. */
    private static final String CONTRL = "CONTRL";

    private final Journal journal;
    private final PartnerDirectory partners;
    private final EdifactReaders readers;
    private final MappingCatalog mappings;
    private final XmlDocumentIntake xmlIntake;
    private final EnvelopeLimits limits;
    private final EnvelopeChecker checker;
    private final ContrlResponder contrl;
    private final int batchSize;

    /** The default for {@code aval.messages.batch-size}: messages of one interchange per translation unit of work. */
    public static final int DEFAULT_BATCH_SIZE = 50;

    public InterchangeIntake(Journal journal, PartnerDirectory partners, EdifactReaders readers, MappingCatalog mappings) {
        this(journal, partners, readers, mappings, EnvelopeLimits.DEFAULT, null, DEFAULT_BATCH_SIZE);
    }

    /**
     * With the limits of {@code aval.limits.*} (larger input is quarantined before it is read, XML and
     * EDIFACT alike) and {@code contrl} (may be null: no CONTRL is sent) answering the interchanges that ask for one.
     */
    public InterchangeIntake(Journal journal, PartnerDirectory partners, EdifactReaders readers, MappingCatalog mappings,
                             EnvelopeLimits limits, ContrlResponder contrl, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("aval.messages.batch-size must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
        this.limits = limits;
        this.checker = new EnvelopeChecker(limits);
        this.contrl = contrl;
        this.journal = journal;
        this.partners = partners;
        this.readers = readers;
        this.mappings = mappings;
        this.xmlIntake = new XmlDocumentIntake(journal, partners);
    }

    public List<MessageRecord> process(@Body long interchangeId) {
        InterchangeRecord record = journal.interchange(interchangeId);
        if (record.status() != InterchangeStatus.RECEIVED) {
            return pending(interchangeId);
        }
        byte[] raw = record.rawBytes();
        if (raw.length <= limits.maxInterchangeBytes() && !EnvelopeChecker.looksLikeEdifact(raw) && XmlDocumentIntake.looksLikeXml(raw)) {
            xmlIntake.process(record);
            return pending(interchangeId);
        }
        CheckedInterchange checked = checker.check(raw);
        InterchangeHeader h = checked.header();
        if (h == null) {
            reject(interchangeId, null, Direction.INBOUND, checked, checked.firstFinding().orElseThrow(), InterchangeStatus.QUARANTINED);
            return List.of();
        }
        Optional<Partner> sender = partners.byIdentity(h.senderId(), h.senderQualifier());
        Optional<Partner> recipient = partners.byIdentity(h.recipientId(), h.recipientQualifier());
        boolean fromSupplier = partners.isSupplier(h.senderId(), h.senderQualifier());
        boolean toSupplier = partners.isSupplier(h.recipientId(), h.recipientQualifier());
        Direction direction = fromSupplier ? Direction.OUTBOUND : Direction.INBOUND;
        Partner partner = fromSupplier ? recipient.orElse(null) : sender.orElse(null);
        journal.describe(interchangeId, new Journal.Envelope(direction, partner == null ? null : partner.id(),
                h.senderId(), h.senderQualifier(), h.recipientId(), h.recipientQualifier(), h.controlRef(),
                h.syntax(), checked.businessDate()));

        List<Finding> problems = new ArrayList<>(checked.findings());
        if (fromSupplier && recipient.isEmpty()) {
            problems.add(Finding.of(EdifactFinding.UNKNOWN_RECIPIENT, h.segment(),
                    "recipient " + h.recipientId() + ":" + h.recipientQualifier() + " is no known partner"));
        } else if (!fromSupplier && sender.isEmpty()) {
            problems.add(Finding.of(EdifactFinding.UNKNOWN_SENDER, h.segment(),
                    "sender " + h.senderId() + ":" + h.senderQualifier() + " is in no partner profile"));
        } else if (!fromSupplier && !toSupplier) {
            problems.add(Finding.of(EdifactFinding.UNKNOWN_RECIPIENT, h.segment(),
                    "recipient " + h.recipientId() + ":" + h.recipientQualifier() + " is not one of the supplier's identities"));
        }
        if (!problems.isEmpty()) {
            answer(record, partner, direction, checked, ContrlReports.rejection(h, problems.get(0)));
            reject(interchangeId, partner, direction, checked, problems.get(0), InterchangeStatus.QUARANTINED);
            return List.of();
        }
        if (!journal.claimReference(h.senderId(), h.recipientId(), h.controlRef(), interchangeId)) {
            Long first = journal.referenceHolder(h.senderId(), h.recipientId(), h.controlRef());
            Finding dup = Finding.of(EdifactFinding.DUPLICATE_INTERCHANGE, h.segment(), "sender " + h.senderId()
                    + " already sent control reference " + h.controlRef() + " in interchange I-" + first);
            answer(record, partner, direction, checked, ContrlReports.rejection(h, dup));
            reject(interchangeId, partner, direction, checked, dup, InterchangeStatus.DUPLICATE);
            return List.of();
        }
        ProcessingMode mode = record.mode();
        Map<Integer, Finding> rejected = new HashMap<>();
        java.util.Set<Integer> journaled = journaledSeqs(interchangeId);
        List<Journal.NewMessage> found = new ArrayList<>();
        for (MessageSlice m : checked.messages()) {
            Optional<Finding> problem = messageProblem(partner, direction, m);
            problem.ifPresent(f -> rejected.put(m.seq(), f));
            if (journaled.contains(m.seq())) {
                continue; // recorded by an interrupted run of this interchange
            }
            String reason = problem
                    .map(f -> where(partner, h) + ", message " + m.reference() + ": " + f.describe())
                    .orElse(null);
            MessageStatus status;
            if (reason != null) {
                status = MessageStatus.QUARANTINED;
            } else if (direction == Direction.OUTBOUND || mode == ProcessingMode.ARCHIVE) {
                status = MessageStatus.ARCHIVED;
                reason = archivedBecause(direction);
            } else {
                status = MessageStatus.ACCEPTED;
            }
            found.add(new Journal.NewMessage(interchangeId, m.seq(), partner.id(), direction, m.type(),
                    m.directory(), h.controlRef(), m.reference(), m.documentNumber(), m.documentDate(), status, reason,
                    checked.standalone(m)));
        }
        journal.addMessages(found);
        answer(record, partner, direction, checked, ContrlReports.verdict(h, checked.messages(), rejected));
        journal.settle(interchangeId, InterchangeStatus.ACCEPTED, null);
        return pending(interchangeId);
    }

    /** A CONTRL for a partner's live interchange (never for the supplier's own, nor for an archive import). */
    private void answer(InterchangeRecord record, Partner partner, Direction direction, CheckedInterchange checked,
                        ContrlReport report) {
        if (contrl != null && direction == Direction.INBOUND && record.mode() == ProcessingMode.DELIVER) {
            contrl.answer(record.id(), partner, checked, report);
        }
    }

    /**
     * A quarantined message of an accepted interchange, re-run on its own ({@code ./aval quarantine
     * reprocess M-n}): checked again, from the journaled interchange, against the partner profile
     * and mappings as they are now. Returns its id when it goes on (to translation, or to the signal
     * tap only when its interchange was an archive or the supplier's own), nothing when it stays
     * quarantined (with the reason found now).
     */
    public List<Long> readmit(@Body long messageId) {
        MessageRecord m = journal.message(messageId);
        InterchangeRecord record = journal.interchange(m.interchangeId());
        String problem = null;
        boolean edifact = EnvelopeChecker.looksLikeEdifact(record.rawBytes());
        Optional<Partner> partner = partners.byId(m.partnerId());
        if (partner.isEmpty()) {
            problem = "partner " + m.partnerId() + ", interchange " + m.interchangeRef() + ", message " + m.messageRef()
                    + ": partner " + m.partnerId() + " is no longer in partners.yaml";
        } else if (m.direction() == Direction.INBOUND && edifact) {
            CheckedInterchange checked = checker.check(record.rawBytes());
            Optional<MessageSlice> slice = checked.messages().stream().filter(s -> s.seq() == m.seq()).findFirst();
            if (checked.header() == null || slice.isEmpty()) {
                problem = "interchange I-" + record.id() + ": message " + m.seq() + " is no longer found in the journaled bytes";
            } else {
                problem = messageProblem(partner.get(), Direction.INBOUND, slice.get())
                        .map(f -> where(partner.get(), checked.header()) + ", message " + m.messageRef() + ": " + f.describe())
                        .orElse(null);
            }
        }
        if (problem != null) {
            journal.readmit(messageId, MessageStatus.QUARANTINED, problem);
            return List.of();
        }
        // a customer's UBL document goes back to delivery like an EDIFACT message; the supplier's only from the ERP
        boolean archived = edifact || m.direction() == Direction.INBOUND
                ? m.direction() == Direction.OUTBOUND || record.mode() == ProcessingMode.ARCHIVE
                : !(XmlDocumentIntake.ERP_TRANSPORT.equals(record.transport()) && record.mode() == ProcessingMode.DELIVER);
        return journal.readmit(messageId, archived ? MessageStatus.ARCHIVED : MessageStatus.ACCEPTED,
                archived ? archivedBecause(m.direction()) : null) ? List.of(messageId) : List.of();
    }

    private static String archivedBecause(Direction direction) {
        return direction == Direction.OUTBOUND
                ? "sent by the supplier: recorded from the archive, not sent again"
                : "archive import: recorded, not delivered";
    }

    /** The queue partner EDIFACT messages are translated from; it takes batches of message ids. */
    static final String TRANSLATION_QUEUE = "aval.messages";

    /**
     * One send of the interchange stage: the queue, the JMS group (the account, which keeps one
     * account's events in order) and the body — a message id, or for {@value #TRANSLATION_QUEUE} a
     * batch of ids separated by commas (one unit of work for translation, delivery and the tap).
     */
    public record Dispatch(String queue, String group, Object body) {
    }

    /**
     * The sends for the messages {@link #process} returned: partner EDIFACT messages in batches of
     * at most {@code aval.messages.batch-size}, everything else one by one.
     */
    public List<Dispatch> dispatch(@Body List<MessageRecord> pending) {
        List<Dispatch> out = new ArrayList<>();
        Map<String, List<Long>> batches = new java.util.LinkedHashMap<>();
        for (MessageRecord m : pending) {
            String queue = queueOf(m);
            String group = accountOf(m);
            if (!TRANSLATION_QUEUE.equals(queue)) {
                out.add(new Dispatch(queue, group, m.id()));
                continue;
            }
            List<Long> batch = batches.computeIfAbsent(group, g -> new ArrayList<>());
            batch.add(m.id());
            if (batch.size() == batchSize) {
                out.add(batchOf(group, batches.remove(group)));
            }
        }
        batches.forEach((group, ids) -> out.add(batchOf(group, ids)));
        return out;
    }

    private static Dispatch batchOf(String group, List<Long> ids) {
        return new Dispatch(TRANSLATION_QUEUE, group,
                ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
    }

    /**
     * Sets the queue and JMS group headers for a {@link Dispatch}, or for a bare message id (a
     * message readmitted from quarantine), and the body the queue carries.
     */
    public void address(Exchange exchange) {
        Message out = exchange.getMessage();
        Dispatch d = out.getBody() instanceof Dispatch given ? given : single(journal.message(out.getBody(Long.class)));
        out.setHeader(AvalHeaders.QUEUE, d.queue());
        out.setHeader("JMSXGroupID", d.group());
        out.setBody(d.body());
    }

    private Dispatch single(MessageRecord m) {
        return new Dispatch(queueOf(m), accountOf(m), m.id());
    }

    /**
     * Partner messages to translation to UBL, supplier documents from the ERP to EDIFACT, archived
     * messages straight to the signal tap.
     */
    private static String queueOf(MessageRecord m) {
        if (m.status() == MessageStatus.ARCHIVED) {
            return "aval.tap";
        } else if (m.direction() == Direction.OUTBOUND) {
            return "aval.outbound";
        } else if (CONTRL.equals(m.messageType())) {
            return "aval.contrl";
        } else if (m.messageType() != null && m.messageType().startsWith("UBL:")) {
            return "aval.ubl-in";
        }
        return TRANSLATION_QUEUE;
    }

    private String accountOf(MessageRecord m) {
        return partners.byId(m.partnerId()).map(Partner::account).orElse("unknown");
    }

    private Optional<Finding> messageProblem(Partner partner, Direction direction, MessageSlice m) {
        if (!m.findings().isEmpty()) {
            return Optional.of(m.findings().get(0));
        }
        if (direction == Direction.INBOUND && !CONTRL.equals(m.type())) {
            if (!partner.inbound().accepts(m.type())) {
                return Optional.of(new Finding(EdifactFinding.MESSAGE_TYPE_NOT_AGREED, m.firstSegment(), "UNH",
                        m.type() + " is not among the types partner " + partner.id() + " may send "
                                + partner.inbound().messageTypes()));
            }
            if (!partner.inbound().acceptsDirectory(m.directory())) {
                return Optional.of(new Finding(EdifactFinding.DIRECTORY_NOT_SUPPORTED, m.firstSegment(), "UNH",
                        m.directory() + " is not agreed with partner " + partner.id() + " " + partner.inbound().directories()));
            }
            if (!readers.supports(m.directory(), partner.inbound().reader())) {
                return Optional.of(new Finding(EdifactFinding.DIRECTORY_NOT_SUPPORTED, m.firstSegment(), "UNH",
                        "no reader configured for " + m.directory() + " (" + readers.configFor(m.directory(), partner.inbound().reader()) + ")"));
            }
            if (mappings.inbound(m.type()).isEmpty()) {
                return Optional.of(new Finding(EdifactFinding.MESSAGE_TYPE_NOT_AGREED, m.firstSegment(), "UNH",
                        "no inbound mapping for " + m.type() + " under mappings/edifact/" + m.type().toLowerCase() + "-in/"));
            }
        }
        return Optional.empty();
    }

    private void reject(long interchangeId, Partner partner, Direction direction, CheckedInterchange checked, Finding finding,
                        InterchangeStatus status) {
        String where = checked.header() == null ? "interchange" : where(partner, checked.header());
        String reason = where + ": " + finding.describe();
        MessageStatus messageStatus = status == InterchangeStatus.DUPLICATE ? MessageStatus.DUPLICATE : MessageStatus.QUARANTINED;
        InterchangeHeader h = checked.header();
        java.util.Set<Integer> journaled = journaledSeqs(interchangeId);
        List<Journal.NewMessage> found = new ArrayList<>();
        for (MessageSlice m : checked.messages()) {
            if (journaled.contains(m.seq())) {
                continue;
            }
            found.add(new Journal.NewMessage(interchangeId, m.seq(), partner == null ? null : partner.id(),
                    direction, m.type(), m.directory(), h == null ? null : h.controlRef(), m.reference(),
                    m.documentNumber(), m.documentDate(), messageStatus, reason, null));
        }
        journal.addMessages(found);
        journal.settle(interchangeId, status, reason);
    }

    /** Messages a previous, interrupted run already recorded (the interchange is still RECEIVED). */
    private java.util.Set<Integer> journaledSeqs(long interchangeId) {
        return journal.messagesOf(interchangeId).stream().map(MessageRecord::seq)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static String where(Partner partner, InterchangeHeader h) {
        return "partner " + (partner == null ? "unknown (" + h.senderId() + ")" : partner.id())
                + ", interchange " + h.controlRef();
    }

    /** Messages that still have a next stage: translation (ACCEPTED) or the signal tap (ARCHIVED, not yet tapped). */
    private List<MessageRecord> pending(long interchangeId) {
        return journal.messagesOf(interchangeId).stream()
                .filter(m -> m.status() == MessageStatus.ACCEPTED || (m.status() == MessageStatus.ARCHIVED && m.tappedAt() == null))
                .toList();
    }
}
