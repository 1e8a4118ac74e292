package io.aval.journal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The quarantine as something a person acts on: what is in it, one entry in full, and the actions
 * taken on it (reprocess, discard), each journaled as a {@link MessageEvent} with who, when and why.
 *
 * <p>Two kinds of quarantine: an interchange rejected as a whole (envelope error, unknown partner,
 * dead-lettered at the interchange stage) is acted on as the interchange {@code I-n}, with all its
 * messages; a message rejected on its own inside an accepted interchange ({@code M-n}) is acted on
 * alone, the rest of its interchange having gone on without it.
 *
 * <p>An interchange is re-run as a <em>new</em> journal entry copied from the journaled raw bytes and
 * linked to the original ({@code reprocess_of}); the original becomes {@code REPROCESSED}. The
 * control reference the original may hold moves with it, so the duplicate check does not refuse
 * the re-run as a duplicate of itself. A message is re-run as the same entry.
 */
public final class QuarantineLedger {

    /** Event status of a reprocess action. */
    public static final String REPROCESS_ACTION = "QUARANTINE_REPROCESSED";
    /** Event status of a discard action. */
    public static final String DISCARD_ACTION = "DISCARDED";

    private static final Pattern ENTRY_ID = Pattern.compile("([MI])-(\\d+)");
    private static final Set<MessageStatus> DONE = Set.of(MessageStatus.DELIVERED, MessageStatus.ARCHIVED);

    private final EntityManagerFactory emf;

    public QuarantineLedger(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** What an action applies to: the whole interchange, or one message of an accepted interchange. */
    public enum Scope { INTERCHANGE, MESSAGE }

    /** One line of {@code ./aval quarantine list}. */
    public record Item(String id, Scope scope, String interchangeId, Instant receivedAt, String source, String partner,
                       Direction direction, String messageType, String interchangeRef, String messageRef,
                       String documentNumber, int messages, String reason) {
    }

    /** One line of an entry's history: a gateway step (actor null) or a person's action. */
    public record HistoryLine(Instant at, String entry, String status, String actor, String detail) {
    }

    /**
     * A journal entry as the quarantine sees it. {@code message} is null for an interchange;
     * {@code messages} are all the messages of the interchange.
     */
    public record Subject(String id, Scope scope, InterchangeRecord interchange, MessageRecord message,
                          List<MessageRecord> messages, List<HistoryLine> history) {

        public String interchangeEntry() {
            return "I-" + interchange.id();
        }

        public String status() {
            return scope == Scope.MESSAGE ? message.status().name() : interchange.status().name();
        }

        public String reason() {
            return scope == Scope.MESSAGE ? message.reason() : interchange.reason();
        }
    }

    /** An action the entry's state does not allow; the message says why and what to do instead. */
    public static final class ActionRefused extends RuntimeException {
        public ActionRefused(String message) {
            super(message);
        }
    }

    /** Entries in quarantine now (not discarded, not already reprocessed), oldest first; partner null = all. */
    public List<Item> list(String partner) {
        return emf.callInTransaction(em -> {
            List<InterchangeRecord> interchanges = em.createQuery(
                    "select new io.aval.journal.InterchangeRecord(i.id, i.receivedAt, i.transport, i.sourceName, "
                            + "i.direction, i.mode, i.partnerId, i.senderId, i.recipientId, i.controlRef, i.syntax, "
                            + "i.businessDate, i.status, i.reason, i.sizeBytes) from InterchangeRecord i "
                            + "where i.status = :q or i.id in (select m.interchangeId from MessageRecord m where m.status = :mq)",
                    InterchangeRecord.class)
                    .setParameter("q", InterchangeStatus.QUARANTINED)
                    .setParameter("mq", MessageStatus.QUARANTINED)
                    .getResultList();
            Map<Long, InterchangeRecord> byId = interchanges.stream()
                    .collect(Collectors.toMap(i -> i.id, Function.identity()));
            List<MessageRecord> messages = byId.isEmpty() ? List.of() : em.createQuery(
                            "select m from MessageRecord m where m.interchangeId in :ids order by m.seq", MessageRecord.class)
                    .setParameter("ids", byId.keySet()).getResultList();
            Map<Long, List<MessageRecord>> messagesOf = messages.stream()
                    .collect(Collectors.groupingBy(m -> m.interchangeId));
            List<Item> out = new ArrayList<>();
            for (InterchangeRecord i : interchanges) {
                List<MessageRecord> its = messagesOf.getOrDefault(i.id, List.of());
                if (i.status == InterchangeStatus.QUARANTINED) {
                    MessageRecord first = its.isEmpty() ? null : its.get(0);
                    out.add(new Item("I-" + i.id, Scope.INTERCHANGE, "I-" + i.id, i.receivedAt, i.sourceName, i.partnerId,
                            i.direction, first == null ? null : first.messageType, i.controlRef, null,
                            first == null ? null : first.documentNumber, its.size(), i.reason));
                } else if (i.status == InterchangeStatus.ACCEPTED) {
                    for (MessageRecord m : its) {
                        if (m.status == MessageStatus.QUARANTINED) {
                            out.add(new Item("M-" + m.id, Scope.MESSAGE, "I-" + i.id, i.receivedAt, i.sourceName, m.partnerId,
                                    m.direction, m.messageType, m.interchangeRef, m.messageRef, m.documentNumber, 1, m.reason));
                        }
                    }
                }
            }
            return out.stream()
                    .filter(it -> partner == null || partner.equalsIgnoreCase(it.partner()))
                    .sorted(Comparator.comparing(Item::receivedAt).thenComparing(Item::id))
                    .toList();
        });
    }

    /**
     * The entry {@code M-n} or {@code I-n} with its interchange (raw bytes in memory, chunked ones
     * put together, for {@code ./aval quarantine show}), messages and full history.
     */
    public Subject subject(String entryId) {
        return emf.callInTransaction(em -> {
            Subject s = load(em, entryId, false);
            InterchangeRecord i = s.interchange();
            if (i.chunked()) {
                em.detach(i); // the assembled bytes belong in memory only, not in raw_bytes
                i.rawBytes = Journal.assembled(em, i);
            }
            return s;
        });
    }

    /**
     * Journals the re-run of a quarantined interchange: a new interchange with the same raw bytes,
     * linked to the original, and returns its journal id (to be sent to the interchange stage).
     * The original and its messages become REPROCESSED.
     */
    public long reprocessInterchange(String entryId, String actor, String why) {
        return emf.callInTransaction(em -> {
            Subject s = load(em, entryId, true);
            if (s.scope() != Scope.INTERCHANGE) {
                throw new IllegalStateException(entryId + " is a message-level quarantine: use reprocessMessage");
            }
            InterchangeRecord old = s.interchange();
            refuseUnlessReprocessable(em, s);
            old.rawBytes(); // the lazy payload, while the session is open
            InterchangeRecord copy = new InterchangeRecord();
            copy.receivedAt = Instant.now();
            copy.updatedAt = copy.receivedAt;
            copy.transport = old.transport; // the ERP's documents are told apart by it
            copy.sourceName = old.sourceName;
            copy.direction = old.direction;
            copy.mode = old.mode;
            copy.status = InterchangeStatus.RECEIVED;
            copy.sizeBytes = old.sizeBytes;
            copy.sha256 = old.sha256;
            copy.rawBytes = old.rawBytes; // empty when chunked
            copy.rawChunks = old.rawChunks;
            copy.reprocessOf = old.id;
            em.persist(copy);
            em.flush();
            copyChunks(em, old, copy);
            // the reference the original may have claimed (dead-lettered after the claim) is the re-run's now
            em.createQuery("update InterchangeReference r set r.interchangeId = :n where r.interchangeId = :o")
                    .setParameter("n", copy.id).setParameter("o", old.id).executeUpdate();
            String detail = withWhy(why, "re-run as I-" + copy.id);
            old.status = InterchangeStatus.REPROCESSED;
            old.reason = Journal.clip("reprocessed as I-" + copy.id + " by " + actor + (blank(why) ? "" : ": " + why.strip()));
            old.updatedAt = copy.receivedAt;
            for (MessageRecord m : s.messages()) {
                if (!m.status.terminal() || m.status == MessageStatus.QUARANTINED) {
                    m.status = MessageStatus.REPROCESSED;
                    m.reason = Journal.clip("its interchange was reprocessed as I-" + copy.id);
                    m.updatedAt = copy.receivedAt;
                }
            }
            em.persist(new MessageEvent(old.id, null, REPROCESS_ACTION, detail, actor));
            em.persist(new MessageEvent(copy.id, null, InterchangeStatus.RECEIVED.name(),
                    copy.sizeBytes + " bytes re-run from quarantined interchange I-" + old.id, actor));
            return copy.id;
        });
    }

    /**
     * The original's chunks as the copy's, copied inside the database one row per statement, so that
     * neither this JVM nor the database has to hold more than one chunk of a large interchange at a time.
     */
    private static void copyChunks(EntityManager em, InterchangeRecord old, InterchangeRecord copy) {
        for (int seq = 0; seq < old.rawChunks; seq++) {
            int copied = em.createNativeQuery("insert into interchange_chunk (interchange_id, seq, bytes) "
                            + "select ?1, seq, bytes from interchange_chunk where interchange_id = ?2 and seq = ?3")
                    .setParameter(1, copy.id).setParameter(2, old.id).setParameter(3, seq).executeUpdate();
            if (copied != 1) {
                throw new IllegalStateException("Interchange " + old.id + " lacks chunk " + seq + " of " + old.rawChunks);
            }
        }
    }

    /**
     * Journals the decision to re-run one quarantined message of an accepted interchange. The
     * message stays QUARANTINED until the pipeline readmits it ({@link Journal#readmit}), so a
     * crash in between leaves nothing half-done.
     */
    public long reprocessMessage(String entryId, String actor, String why) {
        return emf.callInTransaction(em -> {
            Subject s = load(em, entryId, true);
            if (s.scope() != Scope.MESSAGE) {
                throw new IllegalStateException(entryId + " is an interchange-level quarantine: use reprocessInterchange");
            }
            refuseUnlessReprocessable(em, s);
            MessageRecord m = s.message();
            em.persist(new MessageEvent(m.interchangeId, m.id, REPROCESS_ACTION,
                    withWhy(why, "re-run of this message only"), actor));
            return m.id;
        });
    }

    /**
     * Takes an entry out of quarantine for good, with the reason (mandatory). It stays in the
     * journal, with its history; an interchange-level quarantine is discarded with all its messages.
     */
    public Subject discard(String entryId, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to discard " + entryId);
        }
        emf.runInTransaction(em -> {
            Subject s = load(em, entryId, true);
            refuseUnlessQuarantined(em, s);
            Instant now = Instant.now();
            String detail = Journal.clip("discarded by " + actor + ": " + reason);
            if (s.scope() == Scope.INTERCHANGE) {
                InterchangeRecord i = s.interchange();
                i.status = InterchangeStatus.DISCARDED;
                i.reason = detail;
                i.updatedAt = now;
                for (MessageRecord m : s.messages()) {
                    if (m.status == MessageStatus.QUARANTINED) {
                        m.status = MessageStatus.DISCARDED;
                        m.reason = detail;
                        m.updatedAt = now;
                    }
                }
                em.persist(new MessageEvent(i.id, null, DISCARD_ACTION, reason, actor));
            } else {
                MessageRecord m = s.message();
                m.status = MessageStatus.DISCARDED;
                m.reason = detail;
                m.updatedAt = now;
                em.persist(new MessageEvent(m.interchangeId, m.id, DISCARD_ACTION, reason, actor));
            }
        });
        return subject(entryId);
    }

    /**
     * The entry, if a reprocess of it is allowed; otherwise {@link ActionRefused} saying why
     * (delivered already, discarded, reprocessed already, a duplicate, still in progress).
     */
    public Subject requireReprocessable(String entryId) {
        return emf.callInTransaction(em -> {
            Subject s = load(em, entryId, false);
            refuseUnlessReprocessable(em, s);
            return s;
        });
    }

    private void refuseUnlessReprocessable(EntityManager em, Subject s) {
        refuseUnlessQuarantined(em, s);
        if (s.scope() == Scope.INTERCHANGE) {
            List<String> done = s.messages().stream().filter(m -> DONE.contains(m.status))
                    .map(m -> "M-" + m.id + " " + m.status.name().toLowerCase(Locale.ROOT)).toList();
            if (!done.isEmpty()) {
                throw new ActionRefused(s.id() + " was partly delivered already (" + String.join(", ", done)
                        + "): re-running the whole interchange would deliver those twice");
            }
        }
    }

    private void refuseUnlessQuarantined(EntityManager em, Subject s) {
        if (s.scope() == Scope.MESSAGE) {
            MessageRecord m = s.message();
            switch (m.status) {
                case QUARANTINED -> { }
                case DELIVERED -> throw new ActionRefused(s.id() + " was delivered already (to " + m.deliveredTo + ", "
                        + m.updatedAt + "): it is not in quarantine, and reprocessing it would deliver it twice");
                case DISCARDED -> throw new ActionRefused(s.id() + " was discarded (" + m.reason + "): it stays in the journal "
                        + "but is not reprocessed");
                default -> throw new ActionRefused(s.id() + " is " + m.status + ", not in quarantine"
                        + (m.reason == null ? "" : " (" + m.reason + ")"));
            }
            return;
        }
        InterchangeRecord i = s.interchange();
        switch (i.status) {
            case QUARANTINED -> { }
            case REPROCESSED -> {
                Long next = em.createQuery("select max(i.id) from InterchangeRecord i where i.reprocessOf = :o", Long.class)
                        .setParameter("o", i.id).getSingleResult();
                throw new ActionRefused(s.id() + " was reprocessed already as I-" + next + ": act on I-" + next + " instead");
            }
            case DISCARDED -> throw new ActionRefused(s.id() + " was discarded (" + i.reason + "): it stays in the journal "
                    + "but is not reprocessed");
            case ACCEPTED -> {
                List<String> quarantined = s.messages().stream().filter(m -> m.status == MessageStatus.QUARANTINED)
                        .map(m -> "M-" + m.id).toList();
                throw new ActionRefused(s.id() + " was accepted and its messages went on"
                        + (quarantined.isEmpty() ? "; none of them is in quarantine"
                        : "; act on its quarantined messages one by one: " + String.join(", ", quarantined)));
            }
            case DUPLICATE -> throw new ActionRefused(s.id() + " is a duplicate of an interchange already received ("
                    + i.reason + "): not in quarantine");
            default -> throw new ActionRefused(s.id() + " is " + i.status + ", still in progress: not in quarantine");
        }
    }

    private Subject load(EntityManager em, String entryId, boolean forUpdate) {
        Matcher id = ENTRY_ID.matcher(entryId == null ? "" : entryId.trim().toUpperCase(Locale.ROOT));
        if (!id.matches()) {
            throw new IllegalArgumentException("'" + entryId + "' is not a journal entry id: M-<n> for a message, I-<n> for an interchange");
        }
        long n = Long.parseLong(id.group(2));
        LockModeType lock = forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE;
        MessageRecord message = null;
        long interchangeId = n;
        if (id.group(1).equals("M")) {
            message = em.find(MessageRecord.class, n, lock);
            if (message == null) {
                throw new IllegalArgumentException("No message M-" + n + " in the journal");
            }
            interchangeId = message.interchangeId;
        }
        InterchangeRecord interchange = em.find(InterchangeRecord.class, interchangeId, lock);
        if (interchange == null) {
            throw new IllegalArgumentException("No interchange I-" + n + " in the journal");
        }
        interchange.rawBytes();
        List<MessageRecord> messages = em.createQuery(
                        "select m from MessageRecord m where m.interchangeId = :i order by m.seq", MessageRecord.class)
                .setParameter("i", interchange.id)
                .setLockMode(lock)
                .getResultList();
        // a message of an interchange rejected as a whole is acted on through its interchange
        boolean messageLevel = message != null && interchange.status == InterchangeStatus.ACCEPTED;
        if (message != null && !messageLevel) {
            message = null;
        }
        Scope scope = messageLevel ? Scope.MESSAGE : Scope.INTERCHANGE;
        String subjectId = messageLevel ? "M-" + n : "I-" + interchange.id;
        return new Subject(subjectId, scope, interchange, message, messages, history(em, interchange, message));
    }

    /** The events of the interchange and of the quarantined interchanges it re-runs, oldest first. */
    private List<HistoryLine> history(EntityManager em, InterchangeRecord interchange, MessageRecord only) {
        List<Long> chain = new ArrayList<>();
        Long at = interchange.id;
        while (at != null && !chain.contains(at)) {
            chain.add(at);
            InterchangeRecord r = at.equals(interchange.id) ? interchange : em.find(InterchangeRecord.class, at);
            at = r == null ? null : r.reprocessOf;
        }
        return em.createQuery("select e from MessageEvent e where e.interchangeId in :c order by e.at, e.id", MessageEvent.class)
                .setParameter("c", chain).getResultList().stream()
                .filter(e -> only == null || e.messageId == null || e.messageId.equals(only.id))
                .map(e -> new HistoryLine(e.at, e.messageId == null ? "I-" + e.interchangeId : "M-" + e.messageId,
                        e.status, e.actor, e.detail))
                .toList();
    }

    private static String withWhy(String why, String what) {
        return blank(why) ? what : why.strip() + "; " + what;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
