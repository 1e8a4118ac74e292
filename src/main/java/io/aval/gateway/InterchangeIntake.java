package io.aval.gateway;

import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.ContrlReport;
import io.aval.edifact.ContrlReports;
import io.aval.edifact.EdifactFinding;
import io.aval.edifact.EnvelopeChecker;
import io.aval.edifact.EnvelopeLimits;
import io.aval.edifact.EnvelopeScan;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    private final int lanes;

    /** The default for {@code aval.messages.batch-size}: messages of one interchange per translation unit of work. */
    public static final int DEFAULT_BATCH_SIZE = 50;

    /** The default for {@code aval.messages.lanes}: translation lanes per account. */
    public static final int DEFAULT_LANES = 2;

    public InterchangeIntake(Journal journal, PartnerDirectory partners, EdifactReaders readers, MappingCatalog mappings) {
        this(journal, partners, readers, mappings, EnvelopeLimits.DEFAULT, null, DEFAULT_BATCH_SIZE, DEFAULT_LANES);
    }

    /**
     * With the limits of {@code aval.limits.*} (larger input is quarantined before it is read, XML and
     * EDIFACT alike) and {@code contrl} (may be null: no CONTRL is sent) answering the interchanges that ask for one;
     * {@code lanes} ({@code aval.messages.lanes}): how many of one account's interchanges may be translated at once.
     */
    public InterchangeIntake(Journal journal, PartnerDirectory partners, EdifactReaders readers, MappingCatalog mappings,
                             EnvelopeLimits limits, ContrlResponder contrl, int batchSize, int lanes) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("aval.messages.batch-size must be at least 1, not " + batchSize);
        }
        if (lanes < 1) {
            throw new IllegalArgumentException("aval.messages.lanes must be at least 1, not " + lanes);
        }
        this.batchSize = batchSize;
        this.lanes = lanes;
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
        InterchangeRecord record = journal.interchangeWithoutBytes(interchangeId);
        if (record.status() != InterchangeStatus.RECEIVED) {
            return journal.pendingOf(interchangeId);
        }
        InterchangeRecord whole = whole(record);
        byte[] head = whole != null ? whole.rawBytes() : head(record);
        if (!EnvelopeChecker.looksLikeEdifact(head) && XmlDocumentIntake.looksLikeXml(head)) {
            long limit = Math.min(limits.maxInterchangeBytes(), XmlDocumentIntake.MAX_XML_BYTES);
            if (record.sizeBytes() > limit) {
                xmlIntake.refuseTooLarge(record, limit);
            } else {
                xmlIntake.process(whole != null ? whole : journal.interchange(interchangeId));
            }
            return journal.pendingOf(interchangeId);
        }
        Source source = source(record, whole);
        EnvelopeScan scan = source.scan(null);
        InterchangeHeader h = scan.header();
        if (h == null) {
            reject(interchangeId, null, Direction.INBOUND, source, scan, scan.firstFinding().orElseThrow(), InterchangeStatus.QUARANTINED);
            return List.of();
        }
        Optional<Partner> sender = partners.byIdentity(h.senderId(), h.senderQualifier());
        Optional<Partner> recipient = partners.byIdentity(h.recipientId(), h.recipientQualifier());
        boolean fromSupplier = partners.isSupplier(h.senderId(), h.senderQualifier());
        boolean toSupplier = partners.isSupplier(h.recipientId(), h.recipientQualifier());
        Direction direction = fromSupplier ? Direction.OUTBOUND : Direction.INBOUND;
        Partner partner = fromSupplier ? recipient.orElse(null) : sender.orElse(null);
        Journal.Envelope envelope = new Journal.Envelope(direction, partner == null ? null : partner.id(),
                h.senderId(), h.senderQualifier(), h.recipientId(), h.recipientQualifier(), h.controlRef(),
                h.syntax(), scan.businessDate());

        List<Finding> problems = new ArrayList<>(scan.findings());
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
            journal.describe(interchangeId, envelope);
            answer(record, partner, direction, scan, ContrlReports.rejection(h, problems.get(0)));
            reject(interchangeId, partner, direction, source, scan, problems.get(0), InterchangeStatus.QUARANTINED);
            return List.of();
        }
        // the duplicate check: with the settlement when the interchange is recorded in one transaction and owes
        // no CONTRL (which must not be built before the claim holds); otherwise first, on its own
        boolean claimWithSettlement = Recorder.fitsOne(scan.messageCount(), record.sizeBytes())
                && !owesContrl(record, partner, direction, scan);
        if (!claimWithSettlement && !journal.describeAndClaim(interchangeId, envelope)) {
            duplicate(record, partner, direction, source, scan);
            return List.of();
        }
        ProcessingMode mode = record.mode();
        Map<Integer, Finding> rejected = new HashMap<>();
        List<MessageSlice> rejectedSlices = new ArrayList<>();
        java.util.Set<Integer> journaled = journal.messageSeqs(interchangeId);
        Recorder found = new Recorder(journal);
        source.scan((m, standalone) -> {
            Optional<Finding> problem = messageProblem(partner, direction, m);
            problem.ifPresent(f -> {
                rejected.put(m.seq(), f);
                rejectedSlices.add(m);
            });
            if (journaled.contains(m.seq())) {
                return; // recorded by an interrupted run of this interchange
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
                    standalone));
        });
        if (claimWithSettlement) {
            if (!found.claimAndSettle(interchangeId, envelope)) {
                // another interchange holds the reference, or took it while this one was read: the separate way decides
                if (!journal.describeAndClaim(interchangeId, envelope)) {
                    duplicate(record, partner, direction, source, scan);
                    return List.of();
                }
                found.settle(interchangeId);
            }
            return journal.pendingOf(interchangeId);
        }
        // the CONTRL is journaled before the settlement: a crash between them finds it on the re-run (never built twice)
        answer(record, partner, direction, scan, ContrlReports.verdict(h, rejectedSlices, rejected));
        found.settle(interchangeId);
        return journal.pendingOf(interchangeId);
    }

    /** Quarantines the interchange as DUPLICATE, naming the interchange that holds its control reference. */
    private void duplicate(InterchangeRecord record, Partner partner, Direction direction, Source source, EnvelopeScan scan) {
        InterchangeHeader h = scan.header();
        Long first = journal.referenceHolder(h.senderId(), h.recipientId(), h.controlRef());
        Finding dup = Finding.of(EdifactFinding.DUPLICATE_INTERCHANGE, h.segment(), "sender " + h.senderId()
                + " already sent control reference " + h.controlRef() + " in interchange I-" + first);
        answer(record, partner, direction, scan, ContrlReports.rejection(h, dup));
        reject(record.id(), partner, direction, source, scan, dup, InterchangeStatus.DUPLICATE);
    }

    private static final int HEAD_BYTES = 4096;

    /** The record with its bytes when the journal holds them in one piece (read once, here); null when chunked. */
    private InterchangeRecord whole(InterchangeRecord record) {
        return record.chunked() ? null : journal.interchange(record.id());
    }

    /** The first bytes of a chunked interchange, to tell EDIFACT from XML. */
    private byte[] head(InterchangeRecord record) {
        try (InputStream in = journal.openRaw(record.id())) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read interchange I-" + record.id() + " from the journal", e);
        }
    }

    /** An interchange's bytes as the intake reads them: twice, the envelope first and then its messages. */
    @FunctionalInterface
    private interface Source {
        EnvelopeScan scan(EnvelopeScan.Visitor visitor);
    }

    /**
     * Checked once in memory when the journal holds the bytes in one piece ({@code whole}); streamed from
     * the journal's chunks on each pass otherwise, about one message in memory at a time.
     */
    private Source source(InterchangeRecord record, InterchangeRecord whole) {
        if (whole != null) {
            CheckedInterchange checked = checker.check(whole.rawBytes());
            return visitor -> EnvelopeScan.of(checked, visitor);
        }
        return visitor -> {
            try (InputStream in = journal.openRaw(record.id())) {
                return checker.scan(in, record.sizeBytes(), visitor);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read interchange I-" + record.id() + " from the journal", e);
            }
        };
    }

    /**
     * Records the messages found in slices, each slice one transaction, so that the messages of a large
     * interchange are never all held at once; a re-run skips the slices already recorded.
     */
    private static final class Recorder {
        private static final int MAX_MESSAGES = 500;
        private static final long MAX_CHARS = 8L << 20;
        private final Journal journal;
        private final List<Journal.NewMessage> slice = new ArrayList<>();
        private long chars;

        Recorder(Journal journal) {
            this.journal = journal;
        }

        void add(Journal.NewMessage m) {
            slice.add(m);
            chars += m.rawText() == null ? 0 : m.rawText().length();
            if (!fitsOne(slice.size(), chars)) {
                flush();
            }
        }

        /**
         * Whether this many messages and characters (or an interchange of this many messages and bytes, which
         * hold no fewer characters) are recorded in one transaction: {@link #add} flushes a slice that does not fit.
         */
        static boolean fitsOne(int messages, long length) {
            return messages < MAX_MESSAGES && length < MAX_CHARS;
        }

        /**
         * Claims the control reference, records what is gathered and settles, in one transaction ({@link
         * Journal#claimAndSettle}); false, with nothing recorded and the messages kept, when the claim does not hold.
         */
        boolean claimAndSettle(long interchangeId, Journal.Envelope envelope) {
            if (!journal.claimAndSettle(List.copyOf(slice), interchangeId, envelope)) {
                return false;
            }
            recorded();
            return true;
        }

        /** Records the rest and settles the interchange as accepted, in one transaction. */
        void settle(long interchangeId) {
            journal.addMessagesAndSettle(List.copyOf(slice), interchangeId, InterchangeStatus.ACCEPTED, null);
            recorded();
        }

        /** Records what is gathered (after a failure nothing is: the broker runs the interchange again). */
        void flush() {
            if (!slice.isEmpty()) {
                journal.addMessages(List.copyOf(slice));
                recorded();
            }
        }

        /** After a slice was committed: the next one starts empty. */
        private void recorded() {
            slice.clear();
            chars = 0;
        }
    }

    /** A CONTRL for a partner's live interchange (never for the supplier's own, nor for an archive import). */
    private void answer(InterchangeRecord record, Partner partner, Direction direction, EnvelopeScan scan,
                        ContrlReport report) {
        if (liveFromPartner(record, direction)) {
            contrl.answer(record.id(), partner, scan.header(), scan.messageTypes(), report);
        }
    }

    /** Whether {@link #answer} would build a CONTRL for this interchange (it asked for one, or its partner's profile does). */
    private boolean owesContrl(InterchangeRecord record, Partner partner, Direction direction, EnvelopeScan scan) {
        return liveFromPartner(record, direction) && contrl.owes(partner, scan.header(), scan.messageTypes());
    }

    private boolean liveFromPartner(InterchangeRecord record, Direction direction) {
        return contrl != null && direction == Direction.INBOUND && record.mode() == ProcessingMode.DELIVER;
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
        InterchangeRecord record = journal.interchangeWithoutBytes(m.interchangeId());
        String problem = null;
        InterchangeRecord whole = whole(record);
        boolean edifact = EnvelopeChecker.looksLikeEdifact(whole != null ? whole.rawBytes() : head(record));
        Optional<Partner> partner = partners.byId(m.partnerId());
        if (partner.isEmpty()) {
            problem = "partner " + m.partnerId() + ", interchange " + m.interchangeRef() + ", message " + m.messageRef()
                    + ": partner " + m.partnerId() + " is no longer in partners.yaml";
        } else if (m.direction() == Direction.INBOUND && edifact) {
            MessageSlice[] slice = new MessageSlice[1];
            EnvelopeScan scan = source(record, whole).scan((s, text) -> {
                if (s.seq() == m.seq()) {
                    slice[0] = s;
                }
            });
            if (scan.header() == null || slice[0] == null) {
                problem = "interchange I-" + record.id() + ": message " + m.seq() + " is no longer found in the journaled bytes";
            } else {
                problem = messageProblem(partner.get(), Direction.INBOUND, slice[0])
                        .map(f -> where(partner.get(), scan.header()) + ", message " + m.messageRef() + ": " + f.describe())
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
     * One send of the interchange stage: the queue, the JMS group and the body — a message id, or for
     * {@value #TRANSLATION_QUEUE} a batch of ids separated by commas (one unit of work for translation,
     * delivery and the tap). The group is the account (which keeps one account's events in order), except on
     * {@value #TRANSLATION_QUEUE}, where it is one of the account's lanes ({@link #laneOf}).
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
            String group = groupOf(m, queue);
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

    /**
     * The JMS group of an interchange's translation batches: the account, and with several lanes
     * ({@code aval.messages.lanes}) the lane the interchange's id falls in, "ACME/1". One lane is translated
     * one batch at a time, in order (Artemis gives a group to one consumer at a time), so the batches of one
     * interchange reach the tap in the interchange's order; two interchanges of one account may be
     * translated at the same time, as they may be checked at the same time by the interchange stage's
     * consumers. The tap itself stays one account at a time ({@code JMSXGroupID} = account on {@code aval.tap}).
     * A bounded number of groups: the broker keeps one entry per group for as long as its consumer lives.
     */
    String laneOf(String account, long interchangeId) {
        return lanes == 1 ? account : account + "/" + Math.floorMod(interchangeId, lanes);
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

    /**
     * The send of a message readmitted from quarantine ({@link #address}), on its own: on {@value #TRANSLATION_QUEUE}
     * in its interchange's lane, as its batch was, not in a group of the account's own beside the lanes.
     */
    Dispatch single(MessageRecord m) {
        String queue = queueOf(m);
        return new Dispatch(queue, groupOf(m, queue), m.id());
    }

    /** The JMS group of a send of {@code m} to {@code queue}: its account, and on translation its interchange's lane. */
    private String groupOf(MessageRecord m, String queue) {
        String account = accountOf(m);
        return TRANSLATION_QUEUE.equals(queue) ? laneOf(account, m.interchangeId()) : account;
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

    private void reject(long interchangeId, Partner partner, Direction direction, Source source, EnvelopeScan scan,
                        Finding finding, InterchangeStatus status) {
        String where = scan.header() == null ? "interchange" : where(partner, scan.header());
        String reason = where + ": " + finding.describe();
        MessageStatus messageStatus = status == InterchangeStatus.DUPLICATE ? MessageStatus.DUPLICATE : MessageStatus.QUARANTINED;
        InterchangeHeader h = scan.header();
        java.util.Set<Integer> journaled = journal.messageSeqs(interchangeId);
        if (scan.messageCount() > 0) {
            Recorder found = new Recorder(journal);
            source.scan((m, standalone) -> {
                if (!journaled.contains(m.seq())) {
                    found.add(new Journal.NewMessage(interchangeId, m.seq(), partner == null ? null : partner.id(),
                            direction, m.type(), m.directory(), h == null ? null : h.controlRef(), m.reference(),
                            m.documentNumber(), m.documentDate(), messageStatus, reason, null));
                }
            });
            found.flush();
        }
        journal.settle(interchangeId, status, reason);
    }

    private static String where(Partner partner, InterchangeHeader h) {
        return "partner " + (partner == null ? "unknown (" + h.senderId() + ")" : partner.id())
                + ", interchange " + h.controlRef();
    }

}
