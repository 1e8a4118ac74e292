package io.aval.journal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The message journal. Raw bytes are written before anything else looks at them, so an
 * accepted interchange is never lost; every later state change is one short transaction and
 * leaves a {@link MessageEvent} behind.
 *
 * <p>Raw bytes up to the inline threshold are kept in the interchange row; larger ones in rows of
 * {@code interchange_chunk} of {@link #CHUNK_BYTES} each, written as they are read and read back one
 * at a time ({@link #openRaw}), so that an interchange of hundreds of megabytes never has to be
 * in memory whole (PostgreSQL's driver reads a BYTEA back whole).
 */
public final class Journal {

    /** Bytes per row of {@code interchange_chunk} (the last one may hold fewer): what a large interchange costs in memory at a time. */
    public static final int CHUNK_BYTES = 1 << 20;

    /** Raw bytes up to this size stay inline in {@code interchange.raw_bytes}, as before chunks. */
    public static final int INLINE_RAW_BYTES = 4 << 20;

    private static final int MAX_TEXT = 4000;

    private final EntityManagerFactory emf;
    private final int inlineRawBytes;

    public Journal(EntityManagerFactory emf) {
        this(emf, INLINE_RAW_BYTES);
    }

    /** A journal that keeps raw bytes of up to {@code inlineRawBytes} inline and chunks larger ones. */
    public Journal(EntityManagerFactory emf, int inlineRawBytes) {
        if (inlineRawBytes < 0 || inlineRawBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("inline threshold " + inlineRawBytes + " is not between 0 and " + (Integer.MAX_VALUE - 1));
        }
        this.emf = emf;
        this.inlineRawBytes = inlineRawBytes;
    }

    /** What the envelope checks learned about an interchange. */
    public record Envelope(Direction direction, String partnerId, String senderId, String senderQualifier,
                           String recipientId, String recipientQualifier, String controlRef, String syntax,
                           LocalDate businessDate) {
    }

    /** A message found in an interchange, before it is processed. */
    public record NewMessage(long interchangeId, int seq, String partnerId, Direction direction, String messageType,
                             String messageVersion, String interchangeRef, String messageRef, String documentNumber,
                             LocalDate businessDate, MessageStatus status, String reason, String rawText) {
    }

    /**
     * Journals the raw bytes of a received interchange and returns its journal id. Bytes over the
     * inline threshold are chunked as in {@link #recordReceived(InputStream, String, String, ProcessingMode)}.
     */
    public long recordReceived(byte[] raw, String transport, String sourceName, ProcessingMode mode) {
        if (raw.length <= inlineRawBytes) {
            return recordInline(raw, transport, sourceName, mode);
        }
        return recordReceived(new ByteArrayInputStream(raw), transport, sourceName, mode);
    }

    /**
     * Journals the raw bytes read from {@code raw} (to its end, once; the caller closes it) and returns
     * the journal id. Up to the inline threshold they are kept inline; beyond it they are written in
     * chunks as they are read, so at most the threshold plus one chunk is in memory. The record, its
     * chunks and its RECEIVED event are one transaction: a stream that fails half-way leaves nothing
     * behind, and its IOException is rethrown as an {@link UncheckedIOException}.
     */
    public long recordReceived(InputStream raw, String transport, String sourceName, ProcessingMode mode) {
        byte[] head = readUpTo(raw, inlineRawBytes + 1);
        if (head.length <= inlineRawBytes) {
            return recordInline(head, transport, sourceName, mode);
        }
        return recordChunked(new SequenceInputStream(new ByteArrayInputStream(head), raw), transport, sourceName, mode);
    }

    private long recordInline(byte[] raw, String transport, String sourceName, ProcessingMode mode) {
        return inTransaction(em -> {
            InterchangeRecord r = received(transport, sourceName, mode);
            r.sizeBytes = raw.length;
            r.sha256 = sha256(raw);
            r.rawBytes = raw;
            em.persist(r);
            em.flush();
            em.persist(receivedEvent(r, sourceName));
            return r.id;
        });
    }

    /** The record goes first (the chunks refer to its id); its size and digest are known once the last chunk is written. */
    private long recordChunked(InputStream raw, String transport, String sourceName, ProcessingMode mode) {
        return inTransaction(em -> {
            InterchangeRecord r = received(transport, sourceName, mode);
            r.sha256 = "";
            r.rawBytes = new byte[0];
            em.persist(r);
            em.flush();
            MessageDigest digest = sha256Digest();
            Written written = em.unwrap(Session.class).doReturningWork(c -> writeChunks(c, r.id, raw, digest));
            r.rawChunks = written.chunks();
            r.sizeBytes = written.size();
            r.sha256 = HexFormat.of().formatHex(digest.digest());
            em.persist(receivedEvent(r, sourceName));
            return r.id;
        });
    }

    private record Written(int chunks, long size) {
    }

    /** Inserts the stream's chunks by plain JDBC, so that none of them stays in the persistence context. */
    private static Written writeChunks(Connection c, long interchangeId, InputStream raw, MessageDigest digest) throws SQLException {
        byte[] buffer = new byte[CHUNK_BYTES];
        int seq = 0;
        long size = 0;
        try (PreparedStatement insert = c.prepareStatement(
                "insert into interchange_chunk (interchange_id, seq, bytes) values (?, ?, ?)")) {
            for (int n = readFully(raw, buffer); n > 0; n = readFully(raw, buffer)) {
                digest.update(buffer, 0, n);
                insert.setLong(1, interchangeId);
                insert.setInt(2, seq++);
                insert.setBytes(3, n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
                insert.executeUpdate();
                size += n;
            }
        }
        return new Written(seq, size);
    }

    /** Fills {@code buffer} from the stream as far as it goes; returns how many bytes it holds. */
    private static int readFully(InputStream in, byte[] buffer) {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@code max} bytes from the stream, fewer at its end (a small input costs no more than its size). */
    private static byte[] readUpTo(InputStream in, int max) {
        try {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InterchangeRecord received(String transport, String sourceName, ProcessingMode mode) {
        InterchangeRecord r = new InterchangeRecord();
        r.receivedAt = Instant.now();
        r.updatedAt = r.receivedAt;
        r.transport = transport;
        r.sourceName = clip(sourceName);
        r.direction = Direction.INBOUND;
        r.mode = mode;
        r.status = InterchangeStatus.RECEIVED;
        return r;
    }

    private static MessageEvent receivedEvent(InterchangeRecord r, String sourceName) {
        return new MessageEvent(r.id, null, InterchangeStatus.RECEIVED.name(),
                r.sizeBytes + " bytes via " + r.transport + (sourceName == null ? "" : " (" + sourceName + ")"));
    }

    /** The interchange with its raw bytes in memory, chunked ones put together (use {@link #openRaw} for large ones). */
    public InterchangeRecord interchange(long id) {
        return inTransaction(em -> {
            InterchangeRecord r = em.find(InterchangeRecord.class, id);
            if (r == null) {
                throw unknown(id);
            }
            r.rawBytes(); // load the lazy payload while the session is open
            if (r.chunked()) {
                em.detach(r); // the assembled bytes belong in memory only, not in raw_bytes
                r.rawBytes = assembled(em, r);
            }
            return r;
        });
    }

    /**
     * The interchange with every field but its raw bytes ({@code rawBytes} null), reading neither
     * {@code raw_bytes} nor chunks: {@code em.find} would load the lazy bytes all the same, as
     * Hibernate without bytecode enhancement fetches a lazy basic attribute eagerly.
     */
    public InterchangeRecord interchangeWithoutBytes(long id) {
        return inTransaction(em -> em.createQuery(
                        "select new io.aval.journal.InterchangeRecord(i.id, i.receivedAt, i.transport, i.sourceName, "
                                + "i.direction, i.mode, i.partnerId, i.senderId, i.senderQualifier, i.recipientId, "
                                + "i.recipientQualifier, i.controlRef, i.syntax, i.businessDate, i.status, i.reason, "
                                + "i.sizeBytes, i.sha256, i.rawChunks, i.updatedAt, i.reprocessOf) "
                                + "from InterchangeRecord i where i.id = :i", InterchangeRecord.class)
                .setParameter("i", id).getResultStream().findFirst()
                .orElseThrow(() -> unknown(id)));
    }

    /**
     * The interchange's raw bytes as a stream: inline ones from memory, chunked ones read lazily, one
     * chunk per short transaction, so that at most one chunk is in memory whatever the size.
     */
    public InputStream openRaw(long interchangeId) {
        Object[] stored = inTransaction(em -> em.createQuery(
                        "select i.rawChunks, i.rawBytes from InterchangeRecord i where i.id = :i", Object[].class)
                .setParameter("i", interchangeId).getResultStream().findFirst()
                .orElseThrow(() -> unknown(interchangeId)));
        int chunks = (Integer) stored[0];
        return chunks == 0 ? new ByteArrayInputStream((byte[]) stored[1]) : new ChunkStream(interchangeId, chunks);
    }

    /** The chunks of a chunked interchange, all in one array of its size. */
    static byte[] assembled(EntityManager em, InterchangeRecord r) {
        if (r.sizeBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Interchange " + r.id + " holds " + r.sizeBytes
                    + " bytes, more than one array can: read it with openRaw");
        }
        byte[] all = new byte[(int) r.sizeBytes];
        em.unwrap(Session.class).doWork(c -> {
            int at = 0;
            for (int seq = 0; seq < r.rawChunks; seq++) {
                byte[] chunk = chunk(c, r.id, seq);
                if (chunk == null || at + chunk.length > all.length) {
                    throw damaged(r.id, seq, r.rawChunks);
                }
                System.arraycopy(chunk, 0, all, at, chunk.length);
                at += chunk.length;
            }
            if (at != all.length) {
                throw new IllegalStateException("Interchange " + r.id + " has " + at + " bytes in its chunks, not " + all.length);
            }
        });
        return all;
    }

    /** One chunk, or null when the journal lacks it. */
    private static byte[] chunk(Connection c, long interchangeId, int seq) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select bytes from interchange_chunk where interchange_id = ? and seq = ?")) {
            select.setLong(1, interchangeId);
            select.setInt(2, seq);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private static IllegalStateException damaged(long interchangeId, int seq, int chunks) {
        return new IllegalStateException("Interchange " + interchangeId + " lacks chunk " + seq + " of " + chunks
                + " (or it is longer than the interchange)");
    }

    private static IllegalArgumentException unknown(long id) {
        return new IllegalArgumentException("No interchange " + id + " in the journal");
    }

    /** A chunked interchange's bytes, each chunk fetched when the reader reaches it. */
    private final class ChunkStream extends InputStream {

        private final long interchangeId;
        private final int chunks;
        private int next;
        private byte[] chunk = new byte[0];
        private int pos;

        ChunkStream(long interchangeId, int chunks) {
            this.interchangeId = interchangeId;
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - pos;
        }

        @Override
        public void close() {
            chunk = new byte[0];
            pos = 0;
            next = chunks;
        }

        /** False at the end; otherwise a chunk with bytes left to read is at hand. */
        private boolean fill() throws IOException {
            while (pos == chunk.length) {
                if (next == chunks) {
                    return false;
                }
                int seq = next++;
                byte[] read = inTransaction(em -> em.unwrap(Session.class).doReturningWork(c -> chunk(c, interchangeId, seq)));
                if (read == null) {
                    throw new IOException(damaged(interchangeId, seq, chunks).getMessage());
                }
                chunk = read;
                pos = 0;
            }
            return true;
        }
    }

    /** The interchange's recipient (UNB 0010), without reading its bytes. */
    public String recipientOf(long interchangeId) {
        return inTransaction(em -> em.createQuery("select i.recipientId from InterchangeRecord i where i.id = :i", String.class)
                .setParameter("i", interchangeId).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No interchange " + interchangeId + " in the journal")));
    }

    public void describe(long interchangeId, Envelope e) {
        inTransaction(em -> {
            describe(em, interchangeId, e);
            return null;
        });
    }

    private static void describe(EntityManager em, long interchangeId, Envelope e) {
        InterchangeRecord r = em.find(InterchangeRecord.class, interchangeId);
        r.direction = e.direction() == null ? r.direction : e.direction();
        r.partnerId = e.partnerId();
        r.senderId = e.senderId();
        r.senderQualifier = e.senderQualifier();
        r.recipientId = e.recipientId();
        r.recipientQualifier = e.recipientQualifier();
        r.controlRef = e.controlRef();
        r.syntax = e.syntax();
        r.businessDate = e.businessDate();
        r.updatedAt = Instant.now();
    }

    public void settle(long interchangeId, InterchangeStatus status, String reason) {
        inTransaction(em -> {
            settle(em, interchangeId, status, reason);
            return null;
        });
    }

    private static void settle(EntityManager em, long interchangeId, InterchangeStatus status, String reason) {
        InterchangeRecord r = em.find(InterchangeRecord.class, interchangeId);
        r.status = status;
        r.reason = clip(reason);
        r.updatedAt = Instant.now();
        em.persist(new MessageEvent(interchangeId, null, status.name(), reason));
    }

    /**
     * Claims the interchange's control reference for this interchange. False when another
     * interchange already holds it: this one is a duplicate. Claiming twice for the same
     * interchange (a redelivery) is true.
     */
    public boolean claimReference(String sender, String recipient, String controlRef, long interchangeId) {
        return claimReference(sender, recipient, controlRef, interchangeId, null);
    }

    /**
     * {@link #describe} and {@link #claimReference} in one transaction (one commit, where H2 writes a chunk
     * of its file): the envelope is recorded whether or not the claim holds.
     */
    public boolean describeAndClaim(long interchangeId, Envelope e) {
        return claimReference(e.senderId(), e.recipientId(), e.controlRef(), interchangeId, e);
    }

    private boolean claimReference(String sender, String recipient, String controlRef, long interchangeId, Envelope e) {
        InterchangeReference.Key key = new InterchangeReference.Key(sender, recipient, controlRef);
        try {
            return inTransaction(em -> {
                if (e != null) {
                    describe(em, interchangeId, e);
                }
                return claim(em, key, interchangeId);
            });
        } catch (PersistenceException raced) {
            return inTransaction(em -> {
                if (e != null) {
                    describe(em, interchangeId, e);
                }
                InterchangeReference existing = em.find(InterchangeReference.class, key);
                return existing != null && existing.interchangeId == interchangeId;
            });
        }
    }

    /**
     * In {@code em}'s transaction: whether the reference is this interchange's, claiming it when no one holds it
     * yet (the insert flushed here, so that a claim raced in by another transaction fails now, on the key).
     */
    private static boolean claim(EntityManager em, InterchangeReference.Key key, long interchangeId) {
        InterchangeReference existing = em.find(InterchangeReference.class, key);
        if (existing != null) {
            return existing.interchangeId == interchangeId;
        }
        em.persist(new InterchangeReference(key.senderId(), key.recipientId(), key.controlRef(), interchangeId));
        em.flush();
        return true;
    }

    /** The interchange that first claimed this reference, if any. */
    public Long referenceHolder(String sender, String recipient, String controlRef) {
        return inTransaction(em -> {
            InterchangeReference existing = em.find(InterchangeReference.class,
                    new InterchangeReference.Key(sender, recipient, controlRef));
            return existing == null ? null : existing.interchangeId;
        });
    }

    public long addMessage(NewMessage m) {
        return inTransaction(em -> persistMessages(em, List.of(m)).get(0));
    }

    /** Records the messages of one interchange in one transaction (all or none); returns their ids in order. */
    public List<Long> addMessages(List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return inTransaction(em -> persistMessages(em, messages));
    }

    /**
     * The last messages of an interchange and its settlement in one transaction (one commit): a crash
     * before it leaves the interchange RECEIVED without these messages, to be run again.
     */
    public List<Long> addMessagesAndSettle(List<NewMessage> messages, long interchangeId, InterchangeStatus status, String reason) {
        return inTransaction(em -> {
            List<Long> ids = persistMessages(em, messages);
            settle(em, interchangeId, status, reason);
            return ids;
        });
    }

    /**
     * {@link #describeAndClaim} and {@link #addMessagesAndSettle} (accepted) in one transaction, for an
     * interchange whose messages all fit in one: one commit where there were two. False, with nothing
     * recorded (not even the envelope), when another interchange holds the control reference, also when it
     * claimed it in a transaction that ended while this one ran (the insert then fails on the key); the
     * caller goes the separate way ({@link #describeAndClaim}), which records the envelope and answers for good.
     * True again for the interchange that holds the reference (a re-run).
     */
    public boolean claimAndSettle(List<NewMessage> messages, long interchangeId, Envelope e) {
        InterchangeReference.Key key = new InterchangeReference.Key(e.senderId(), e.recipientId(), e.controlRef());
        try {
            return inTransaction(em -> {
                if (!claim(em, key, interchangeId)) {
                    return false;
                }
                describe(em, interchangeId, e);
                persistMessages(em, messages);
                settle(em, interchangeId, InterchangeStatus.ACCEPTED, null);
                return true;
            });
        } catch (PersistenceException raced) {
            return false;
        }
    }

    /**
     * The messages, and the event that records each one's first state, as two JDBC batches in the caller's transaction;
     * returns their ids in order. Persisting each {@link MessageRecord} and {@link MessageEvent} through Hibernate ran
     * two inserts per message, each a round trip for its identity (a fifth of the intake's thread in a bench profile).
     */
    private static List<Long> persistMessages(EntityManager em, List<NewMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        java.time.OffsetDateTime at = Instant.now().atOffset(java.time.ZoneOffset.UTC);
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<Long> ids = new ArrayList<>(messages.size());
            try (PreparedStatement insert = c.prepareStatement("insert into message (interchange_id, seq, partner_id, direction, "
                    + "message_type, message_version, interchange_ref, message_ref, document_number, business_date, status, "
                    + "reason, raw_text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                for (NewMessage m : messages) {
                    insert.setLong(1, m.interchangeId());
                    insert.setInt(2, m.seq());
                    insert.setString(3, m.partnerId());
                    insert.setString(4, m.direction().name());
                    insert.setString(5, m.messageType());
                    insert.setString(6, m.messageVersion());
                    insert.setString(7, m.interchangeRef());
                    insert.setString(8, m.messageRef());
                    insert.setString(9, clip(m.documentNumber()));
                    insert.setObject(10, m.businessDate());
                    insert.setString(11, m.status().name());
                    insert.setString(12, clip(m.reason()));
                    insert.setString(13, m.rawText());
                    insert.setObject(14, at);
                    insert.setObject(15, at);
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            if (ids.size() != messages.size()) {
                throw new SQLException("message: " + messages.size() + " rows inserted but " + ids.size() + " ids returned");
            }
            try (PreparedStatement events = c.prepareStatement(
                    "insert into message_event (interchange_id, message_id, at, status, detail) values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < messages.size(); i++) {
                    NewMessage m = messages.get(i);
                    events.setLong(1, m.interchangeId());
                    events.setLong(2, ids.get(i));
                    events.setObject(3, at);
                    events.setString(4, m.status().name());
                    events.setString(5, clip(m.reason()));
                    events.addBatch();
                }
                events.executeBatch();
            }
            return ids;
        });
    }

    public List<MessageRecord> messagesOf(long interchangeId) {
        return inTransaction(em -> em.createQuery(
                        "select m from MessageRecord m where m.interchangeId = :i order by m.seq", MessageRecord.class)
                .setParameter("i", interchangeId)
                .getResultList());
    }

    /** How many of the interchange's messages are in each state, without reading them. */
    public Map<MessageStatus, Long> messageStates(long interchangeId) {
        return inTransaction(em -> em.createQuery(
                        "select m.status, count(m) from MessageRecord m where m.interchangeId = :i group by m.status", Object[].class)
                .setParameter("i", interchangeId)
                .getResultStream()
                .collect(Collectors.toMap(r -> (MessageStatus) r[0], r -> ((Number) r[1]).longValue())));
    }

    /** The sequence numbers of the messages recorded for an interchange, without reading the messages. */
    public java.util.Set<Integer> messageSeqs(long interchangeId) {
        return inTransaction(em -> new java.util.HashSet<>(em.createQuery(
                        "select m.seq from MessageRecord m where m.interchangeId = :i", Integer.class)
                .setParameter("i", interchangeId)
                .getResultList()));
    }

    /**
     * The interchange's messages that still have a next stage (ACCEPTED: translation; ARCHIVED and not
     * tapped: the signal tap), in order, as views without their text: an interchange may hold many.
     */
    public List<MessageRecord> pendingOf(long interchangeId) {
        return inTransaction(em -> em.createQuery("select new io.aval.journal.MessageRecord(m.id, m.interchangeId, m.seq,"
                        + " m.partnerId, m.direction, m.messageType, m.status, m.tappedAt) from MessageRecord m"
                        + " where m.interchangeId = :i and (m.status = :accepted or (m.status = :archived and m.tappedAt is null))"
                        + " order by m.seq", MessageRecord.class)
                .setParameter("i", interchangeId)
                .setParameter("accepted", MessageStatus.ACCEPTED)
                .setParameter("archived", MessageStatus.ARCHIVED)
                .getResultList());
    }

    /** These messages, in id order (ids the journal does not hold are left out). */
    public List<MessageRecord> messages(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> all = List.copyOf(ids);
        return inTransaction(em -> {
            List<MessageRecord> out = load(em, all);
            out.sort(Comparator.comparing(MessageRecord::id));
            return out;
        });
    }

    /** The records of these ids (those the journal holds), into {@code em}'s session. */
    private static List<MessageRecord> load(EntityManager em, List<Long> ids) {
        List<MessageRecord> out = new ArrayList<>(ids.size());
        for (List<Long> slice : slices(ids)) {
            out.addAll(em.createQuery("select m from MessageRecord m where m.id in :ids", MessageRecord.class)
                    .setParameter("ids", slice).getResultList());
        }
        return out;
    }

    /** Ids per {@code in} list. */
    private static final int IN_SLICE = 1000;

    /**
     * {@code ids} in consecutive slices of at most {@link #IN_SLICE}, one {@code in} list each: PostgreSQL takes at
     * most 32,767 parameters per statement, and an interchange may hold more messages.
     */
    private static List<List<Long>> slices(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_SLICE) {
            out.add(ids.subList(from, Math.min(ids.size(), from + IN_SLICE)));
        }
        return out;
    }

    /** What {@link #holds} looks for. */
    public enum Entity { INTERCHANGE, MESSAGE }

    /** Whether the journal has a row for this id (a queue message may outlive its row when a database loses commits). */
    public boolean holds(Entity entity, long id) {
        Class<?> type = entity == Entity.INTERCHANGE ? InterchangeRecord.class : MessageRecord.class;
        return inTransaction(em -> em.find(type, id) != null);
    }

    public MessageRecord message(long id) {
        return findMessage(id).orElseThrow(() -> new IllegalArgumentException("No message " + id + " in the journal"));
    }

    /** The message, when the journal holds it. */
    public Optional<MessageRecord> findMessage(long id) {
        return inTransaction(em -> Optional.ofNullable(em.find(MessageRecord.class, id)));
    }

    /** Moves a message to a new state; returns false if it had already reached a terminal one. */
    public boolean transition(long messageId, MessageStatus status, String reason, String deliveredTo) {
        return inTransaction(em -> move(em, messageId, status, reason, deliveredTo));
    }

    /**
     * Journals the delivery of several messages (message id → where it went) in one transaction;
     * a message already in a terminal state keeps it. Returns how many moved.
     */
    public int deliveredAll(Map<Long, String> deliveredTo) {
        if (deliveredTo.isEmpty()) {
            return 0;
        }
        return inTransaction(em -> {
            // the states without the texts, then the moves as two JDBC batches: loading each record with its text,
            // updating it and inserting each event with a round trip for its id was most of this transaction,
            // which every translation batch waits for
            Map<Long, Long> interchangeOf = notTerminal(em, deliveredTo.keySet());
            if (interchangeOf.isEmpty()) {
                return 0;
            }
            java.time.OffsetDateTime at = Instant.now().atOffset(java.time.ZoneOffset.UTC);
            return em.unwrap(Session.class).doReturningWork(c -> {
                List<Long> moved = markDelivered(c, deliveredTo, interchangeOf.keySet(), at);
                recordDelivered(c, moved, interchangeOf, deliveredTo, at);
                return moved.size();
            });
        });
    }

    /** Of these messages, those not yet in a terminal state, each with its interchange; reads no message text. */
    private static Map<Long, Long> notTerminal(EntityManager em, java.util.Collection<Long> ids) {
        Map<Long, Long> out = new java.util.HashMap<>();
        for (List<Long> slice : slices(List.copyOf(ids))) {
            for (Object[] row : em.createQuery("select m.id, m.interchangeId, m.status from MessageRecord m where m.id in :ids",
                    Object[].class).setParameter("ids", slice).getResultList()) {
                if (!((MessageStatus) row[2]).terminal()) {
                    out.put((Long) row[0], (Long) row[1]);
                }
            }
        }
        return out;
    }

    /** Sets {@code open} messages DELIVERED to where they went, in {@code deliveredTo}'s order; returns those it moved. */
    private static List<Long> markDelivered(Connection c, Map<Long, String> deliveredTo, java.util.Set<Long> open,
                                            java.time.OffsetDateTime at) throws SQLException {
        List<Long> tried = new ArrayList<>(open.size());
        // by id alone: with "and status = ?" H2 chose the status index and scanned every message in that state for
        // each row (notTerminal, in the same transaction, is the state check, as em.find was before)
        try (PreparedStatement update = c.prepareStatement("update message set status = ?, reason = null, "
                + "delivered_to = ?, updated_at = ? where id = ?")) {
            for (Map.Entry<Long, String> e : deliveredTo.entrySet()) {
                if (open.contains(e.getKey())) {
                    update.setString(1, MessageStatus.DELIVERED.name());
                    update.setString(2, clip(e.getValue()));
                    update.setObject(3, at);
                    update.setLong(4, e.getKey());
                    update.addBatch();
                    tried.add(e.getKey());
                }
            }
            int[] counts = update.executeBatch();
            List<Long> moved = new ArrayList<>(tried.size());
            for (int i = 0; i < tried.size(); i++) {
                // a driver may answer "done, count unknown"
                if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                    moved.add(tried.get(i));
                }
            }
            return moved;
        }
    }

    /** The DELIVERED event of each moved message, as {@link MessageEvent} records it. */
    private static void recordDelivered(Connection c, List<Long> moved, Map<Long, Long> interchangeOf,
                                        Map<Long, String> deliveredTo, java.time.OffsetDateTime at) throws SQLException {
        if (moved.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into message_event (interchange_id, message_id, at, status, detail) values (?, ?, ?, ?, ?)")) {
            for (long id : moved) {
                insert.setLong(1, interchangeOf.get(id));
                insert.setLong(2, id);
                insert.setObject(3, at);
                insert.setString(4, MessageStatus.DELIVERED.name());
                insert.setString(5, clip(deliveredDetail(deliveredTo.get(id))));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static boolean move(EntityManager em, long messageId, MessageStatus status, String reason, String deliveredTo) {
        MessageRecord r = em.find(MessageRecord.class, messageId);
        if (r.status.terminal()) {
            return false;
        }
        r.status = status;
        r.reason = clip(reason);
        if (deliveredTo != null) {
            r.deliveredTo = clip(deliveredTo);
        }
        r.updatedAt = Instant.now();
        em.persist(new MessageEvent(r.interchangeId, messageId, status.name(),
                deliveredTo != null ? deliveredDetail(deliveredTo) : reason));
        return true;
    }

    /** The DELIVERED event's detail: where the message went (one message at a time, or a batch's JDBC insert). */
    private static String deliveredDetail(String file) {
        return "to " + file;
    }

    /**
     * A quarantined message put back on its way ({@code ./aval quarantine reprocess}): to
     * {@code next} (ACCEPTED for translation, ARCHIVED for the signal tap only), or, when
     * {@code next} is QUARANTINED, kept there with {@code reason} as its new reason. Returns true
     * when it left quarantine; false when it was not in quarantine or stays there.
     */
    public boolean readmit(long messageId, MessageStatus next, String reason) {
        return inTransaction(em -> {
            MessageRecord r = em.find(MessageRecord.class, messageId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (r.status != MessageStatus.QUARANTINED) {
                return false;
            }
            r.status = next;
            r.reason = clip(reason);
            r.updatedAt = Instant.now();
            em.persist(new MessageEvent(r.interchangeId, messageId, next.name(), reason != null ? reason
                    : "readmitted: checks passed against the current partner profile and mappings"));
            return next != MessageStatus.QUARANTINED;
        });
    }

    /** Updates what parsing learned about a message (document number, business date). */
    public void identify(long messageId, String documentNumber, LocalDate businessDate) {
        inTransaction(em -> {
            MessageRecord r = em.find(MessageRecord.class, messageId);
            if (documentNumber != null) {
                r.documentNumber = clip(documentNumber);
            }
            if (businessDate != null) {
                r.businessDate = businessDate;
            }
            return null;
        });
    }

    /** What outbound translation produced for a message: the EDIFACT type, directory and interchange reference. */
    public void identifyOutbound(long messageId, String messageType, String directory, String interchangeRef) {
        inTransaction(em -> {
            MessageRecord r = em.find(MessageRecord.class, messageId);
            r.messageType = messageType;
            r.messageVersion = directory;
            r.interchangeRef = interchangeRef;
            r.updatedAt = Instant.now();
            em.persist(new MessageEvent(r.interchangeId, messageId, "TRANSLATED",
                    messageType + " " + directory + " in interchange " + interchangeRef));
            return null;
        });
    }

    /**
     * Records what a transport learned after delivery (an AS2 MDN, positive or negative) as an
     * event of every outbound message of the partner's interchange {@code interchangeRef};
     * returns how many messages it concerned.
     */
    public int recordTransportOutcome(String partnerId, String interchangeRef, String status, String detail) {
        return inTransaction(em -> {
            List<MessageRecord> sent = em.createQuery(
                            "select m from MessageRecord m where m.partnerId = :p and m.interchangeRef = :r and m.direction = :d",
                            MessageRecord.class)
                    .setParameter("p", partnerId).setParameter("r", interchangeRef)
                    .setParameter("d", Direction.OUTBOUND).getResultList();
            for (MessageRecord m : sent) {
                em.persist(new MessageEvent(m.interchangeId, m.id, status, detail));
            }
            return sent.size();
        });
    }

    public List<MessageEvent> history(long interchangeId) {
        return inTransaction(em -> em.createQuery(
                        "select e from MessageEvent e where e.interchangeId = :i order by e.id", MessageEvent.class)
                .setParameter("i", interchangeId)
                .getResultList());
    }

    /**
     * Interchanges not yet settled, messages not yet terminal, and delivered or archived messages
     * the signal side has not yet taken: zero when all work is done.
     */
    /**
     * {@link #pendingCount} &gt; 0, asked the cheap way: each question stops at the first row found, so
     * polling it while an import of 30,000 messages is under way does not count them every time.
     */
    public boolean anyPending() {
        return inTransaction(em -> exists(em.createQuery("select i.id from InterchangeRecord i where i.status = :s", Long.class)
                .setParameter("s", InterchangeStatus.RECEIVED))
                || exists(em.createQuery("select m.id from MessageRecord m where m.status = :s", Long.class)
                .setParameter("s", MessageStatus.ACCEPTED))
                // one status at a time: H2 2.3.232 answers "status in (…) and tapped_at is null" with a row limit from a
                // stale result once the rows are tapped (JournalBatchTest#anythingPendingIsWhatTheCountSays)
                || exists(em.createQuery("select m.id from MessageRecord m where m.status = :s and m.tappedAt is null", Long.class)
                .setParameter("s", MessageStatus.DELIVERED))
                || exists(em.createQuery("select m.id from MessageRecord m where m.status = :s and m.tappedAt is null", Long.class)
                .setParameter("s", MessageStatus.ARCHIVED)));
    }

    private static boolean exists(jakarta.persistence.TypedQuery<Long> query) {
        return !query.setMaxResults(1).getResultList().isEmpty();
    }

    public long pendingCount() {
        return inTransaction(em -> {
            long interchanges = em.createQuery(
                            "select count(i) from InterchangeRecord i where i.status = :s", Long.class)
                    .setParameter("s", InterchangeStatus.RECEIVED).getSingleResult();
            long messages = em.createQuery(
                            "select count(m) from MessageRecord m where m.status = :s", Long.class)
                    .setParameter("s", MessageStatus.ACCEPTED).getSingleResult();
            long untapped = em.createQuery(
                            "select count(m) from MessageRecord m where m.status in :s and m.tappedAt is null", Long.class)
                    .setParameter("s", List.of(MessageStatus.DELIVERED, MessageStatus.ARCHIVED)).getSingleResult();
            return interchanges + messages + untapped;
        });
    }

    /** Ids of the interchanges in this state, oldest first (the start-up recovery sweep). */
    public List<Long> interchangeIds(InterchangeStatus status) {
        return inTransaction(em -> em.createQuery(
                        "select i.id from InterchangeRecord i where i.status = :s order by i.id", Long.class)
                .setParameter("s", status).getResultList());
    }

    /** Ids of the messages in this state whose interchange is settled, oldest first (the start-up recovery sweep). */
    public List<Long> messageIdsOfSettled(MessageStatus status) {
        return inTransaction(em -> em.createQuery(
                        "select m.id from MessageRecord m, InterchangeRecord i where i.id = m.interchangeId"
                                + " and m.status = :s and i.status <> :r order by m.id", Long.class)
                .setParameter("s", status).setParameter("r", InterchangeStatus.RECEIVED).getResultList());
    }

    /** The signal side has taken the message (or decided it carries nothing for it: the note says why). */
    public void tapped(long messageId, String note) {
        tappedAll(java.util.Collections.singletonMap(messageId, note));
    }

    /** {@link #tapped} for several messages (message id → note) in one transaction. */
    public void tappedAll(Map<Long, String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        inTransaction(em -> {
            tappedAll(em, notes);
            return null;
        });
    }

    /** {@link #tappedAll(Map)} in the caller's transaction (the signal engine's, which records the messages' events). */
    public void tappedAll(EntityManager em, Map<Long, String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        java.time.OffsetDateTime at = Instant.now().atOffset(java.time.ZoneOffset.UTC);
        // one JDBC batch by primary key, as markDelivered: the HQL bulk update was translated to SQL again and
        // flushed the session before each run (a tenth of the tap's thread in a bench profile, half of it Hibernate's)
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement update = c.prepareStatement("update message set tapped_at = ?, tap_note = ? where id = ?")) {
                for (Map.Entry<Long, String> e : notes.entrySet()) {
                    update.setObject(1, at);
                    update.setString(2, clip(e.getValue()));
                    update.setLong(3, e.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /** Which of these messages the signal tap has already taken; reads no message text. */
    public java.util.Set<Long> tappedAmong(java.util.Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return java.util.Set.of();
        }
        List<Long> all = List.copyOf(messageIds);
        return inTransaction(em -> {
            java.util.Set<Long> out = new java.util.HashSet<>();
            for (List<Long> slice : slices(all)) {
                out.addAll(em.createQuery("select m.id from MessageRecord m where m.id in :ids and m.tappedAt is not null", Long.class)
                        .setParameter("ids", slice).getResultList());
            }
            return out;
        });
    }

    /** True once the signal tap has taken the message (or noted why not); reads no message text. */
    public boolean isTapped(long messageId) {
        return inTransaction(em -> !em.createQuery("select m.id from MessageRecord m where m.id = :id and m.tappedAt is not null", Long.class)
                .setParameter("id", messageId).getResultList().isEmpty());
    }

    /**
     * One entry per message; an interchange that yielded no message (garbage, empty file,
     * unknown partner) is listed as an entry of its own so that nothing received is invisible.
     */
    public List<JournalEntry> entries(JournalQuery query) {
        return inTransaction(em -> {
            List<InterchangeRecord> interchanges = em.createQuery(
                    "select new io.aval.journal.InterchangeRecord(i.id, i.receivedAt, i.transport, i.sourceName, "
                            + "i.direction, i.mode, i.partnerId, i.senderId, i.recipientId, i.controlRef, i.syntax, "
                            + "i.businessDate, i.status, i.reason, i.sizeBytes) from InterchangeRecord i order by i.id",
                    InterchangeRecord.class).getResultList();
            Map<Long, InterchangeRecord> byId = interchanges.stream()
                    .collect(Collectors.toMap(i -> i.id, Function.identity()));
            List<MessageRecord> messages = em.createQuery(
                    "select m from MessageRecord m order by m.id", MessageRecord.class).getResultList();
            List<JournalEntry> out = new ArrayList<>();
            java.util.Set<Long> withMessages = new java.util.HashSet<>();
            Map<Long, AcknowledgementRecord> acks = em.createQuery(
                    "select a from AcknowledgementRecord a", AcknowledgementRecord.class).getResultStream()
                    .collect(Collectors.toMap(AcknowledgementRecord::messageId, Function.identity()));
            Instant now = Instant.now();
            for (MessageRecord m : messages) {
                withMessages.add(m.interchangeId);
                AcknowledgementRecord ack = acks.get(m.id);
                JournalEntry e = JournalEntry.of(m, byId.get(m.interchangeId));
                out.add(ack == null || m.status != MessageStatus.DELIVERED ? e : e.acknowledged(ack, now));
            }
            for (InterchangeRecord i : interchanges) {
                if (!withMessages.contains(i.id)) {
                    out.add(JournalEntry.of(i));
                }
            }
            out.sort(Comparator.comparing(JournalEntry::receivedAt).thenComparing(JournalEntry::id));
            return out.stream().filter(query::matches).toList();
        });
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return emf.callInTransaction(work);
    }

    static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT - 1) + "…";
    }

    static String sha256(byte[] raw) {
        return HexFormat.of().formatHex(sha256Digest().digest(raw));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
