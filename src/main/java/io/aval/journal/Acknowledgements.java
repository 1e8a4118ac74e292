package io.aval.journal;

import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * CONTRL in the journal, both ways: the CONTRL replies we owe for received interchanges (journaled
 * as outbound interchanges of their own before they are written), and the acknowledgements we await
 * for the interchanges we sent. Every change is one short transaction and leaves a
 * {@link MessageEvent} on the journal entry it concerns.
 */
public final class Acknowledgements {

    private final EntityManagerFactory emf;

    public Acknowledgements(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** A CONTRL ready to be sent: the envelope it carries and its bytes. */
    public record Reply(long acknowledgedInterchangeId, String partnerId, String senderId, String senderQualifier,
                        String recipientId, String recipientQualifier, String controlRef, String syntax,
                        String acknowledgedRef, String action, byte[] bytes, Charset charset) {
    }

    /** The reply already journaled for an interchange, if any (a redelivery must not answer twice). */
    public Optional<ContrlReplyRecord> replyFor(long acknowledgedInterchangeId) {
        return Optional.ofNullable(emf.callInTransaction(em -> em.find(ContrlReplyRecord.class, acknowledgedInterchangeId)));
    }

    /**
     * Journals a CONTRL we are about to send as an OUTBOUND interchange with one CONTRL message (ACCEPTED until
     * {@link #replySent} records where it went), in one transaction. Returns the reply record.
     */
    public ContrlReplyRecord recordReply(Reply r) {
        return emf.callInTransaction(em -> {
            Instant now = Instant.now();
            InterchangeRecord i = new InterchangeRecord();
            i.receivedAt = now;
            i.updatedAt = now;
            i.transport = "contrl";
            i.sourceName = "CONTRL for I-" + r.acknowledgedInterchangeId() + " (" + r.acknowledgedRef() + ")";
            i.direction = Direction.OUTBOUND;
            i.mode = ProcessingMode.DELIVER;
            i.partnerId = r.partnerId();
            i.senderId = r.senderId();
            i.senderQualifier = r.senderQualifier();
            i.recipientId = r.recipientId();
            i.recipientQualifier = r.recipientQualifier();
            i.controlRef = r.controlRef();
            i.syntax = r.syntax();
            i.businessDate = LocalDate.now();
            i.status = InterchangeStatus.ACCEPTED;
            i.sizeBytes = r.bytes().length;
            i.sha256 = Journal.sha256(r.bytes());
            i.rawBytes = r.bytes();
            em.persist(i);
            em.flush();
            MessageRecord m = new MessageRecord();
            m.interchangeId = i.id;
            m.seq = 1;
            m.partnerId = r.partnerId();
            m.direction = Direction.OUTBOUND;
            m.messageType = "CONTRL";
            m.interchangeRef = r.controlRef();
            m.messageRef = "1";
            m.documentNumber = r.acknowledgedRef();
            m.businessDate = i.businessDate;
            m.status = MessageStatus.ACCEPTED;
            m.reason = "UCI " + r.action() + " for interchange " + r.acknowledgedRef() + " (I-" + r.acknowledgedInterchangeId() + ")";
            m.rawText = new String(r.bytes(), r.charset());
            m.createdAt = now;
            m.updatedAt = now;
            em.persist(m);
            em.flush();
            ContrlReplyRecord reply = new ContrlReplyRecord();
            reply.acknowledgedInterchangeId = r.acknowledgedInterchangeId();
            reply.contrlInterchangeId = i.id;
            reply.contrlMessageId = m.id;
            reply.partnerId = r.partnerId();
            reply.controlRef = r.controlRef();
            reply.action = r.action();
            reply.createdAt = now;
            em.persist(reply);
            em.persist(new MessageEvent(i.id, m.id, MessageStatus.ACCEPTED.name(), m.reason));
            em.persist(new MessageEvent(r.acknowledgedInterchangeId(), null, "CONTRL",
                    "answered with CONTRL " + r.controlRef() + " (UCI " + r.action() + "), journal I-" + i.id));
            return reply;
        });
    }

    /** Records that we expect a CONTRL for the interchange {@code controlRef} sent to {@code partnerId}. */
    public void expect(long messageId, String partnerId, String controlRef, Instant dueAt) {
        emf.runInTransaction(em -> {
            boolean known = !em.createQuery("select a.id from AcknowledgementRecord a where a.messageId = :m", Long.class)
                    .setParameter("m", messageId).getResultList().isEmpty();
            if (known) {
                return;
            }
            AcknowledgementRecord a = new AcknowledgementRecord();
            a.partnerId = partnerId;
            a.controlRef = controlRef;
            a.messageId = messageId;
            a.status = AcknowledgementStatus.AWAITED;
            a.dueAt = dueAt;
            a.updatedAt = Instant.now();
            em.persist(a);
            MessageRecord m = em.find(MessageRecord.class, messageId);
            em.persist(new MessageEvent(m.interchangeId, messageId, AcknowledgementStatus.AWAITED.name(),
                    "CONTRL for interchange " + controlRef + " expected by " + dueAt));
        });
    }

    /**
     * Settles the acknowledgement of the interchange {@code controlRef} we sent to {@code partnerId} with what
     * its CONTRL said, also when we had not asked for one. Empty when we never sent that partner an interchange
     * with this reference.
     */
    public Optional<AcknowledgementRecord> answer(String partnerId, String controlRef, AcknowledgementStatus status,
                                                  String detail, long contrlMessageId) {
        return emf.callInTransaction(em -> {
            List<AcknowledgementRecord> found = em.createQuery(
                            "select a from AcknowledgementRecord a where a.partnerId = :p and a.controlRef = :r",
                            AcknowledgementRecord.class)
                    .setParameter("p", partnerId).setParameter("r", controlRef).getResultList();
            AcknowledgementRecord a;
            if (!found.isEmpty()) {
                a = found.get(0);
            } else {
                // a CONTRL we did not ask for still settles the interchange it names, if we sent it
                List<MessageRecord> sent = em.createQuery("select m from MessageRecord m where m.partnerId = :p"
                                + " and m.interchangeRef = :r and m.direction = :d and m.messageType <> 'CONTRL'"
                                + " and m.status = :s order by m.id", MessageRecord.class)
                        .setParameter("p", partnerId).setParameter("r", controlRef)
                        .setParameter("d", Direction.OUTBOUND).setParameter("s", MessageStatus.DELIVERED)
                        .getResultList();
                if (sent.isEmpty()) {
                    return Optional.empty();
                }
                a = new AcknowledgementRecord();
                a.partnerId = partnerId;
                a.controlRef = controlRef;
                a.messageId = sent.get(0).id;
                a.dueAt = Instant.now();
            }
            a.status = status;
            a.detail = Journal.clip(detail);
            a.answeredAt = Instant.now();
            a.contrlMessageId = contrlMessageId;
            a.updatedAt = a.answeredAt;
            if (a.id == null) {
                em.persist(a);
            }
            MessageRecord m = em.find(MessageRecord.class, a.messageId);
            em.persist(new MessageEvent(m.interchangeId, a.messageId, status.name(), detail));
            return Optional.of(a);
        });
    }

    /** Marks every AWAITED acknowledgement whose deadline passed as OVERDUE; returns them. */
    public List<AcknowledgementRecord> markOverdue(Instant now) {
        return emf.callInTransaction(em -> {
            List<AcknowledgementRecord> late = em.createQuery(
                            "select a from AcknowledgementRecord a where a.status = :s and a.dueAt < :now",
                            AcknowledgementRecord.class)
                    .setParameter("s", AcknowledgementStatus.AWAITED).setParameter("now", now).getResultList();
            for (AcknowledgementRecord a : late) {
                a.status = AcknowledgementStatus.OVERDUE;
                a.updatedAt = now;
                a.detail = "no CONTRL from partner " + a.partnerId + " for interchange " + a.controlRef
                        + " by " + a.dueAt;
                MessageRecord m = em.find(MessageRecord.class, a.messageId);
                em.persist(new MessageEvent(m.interchangeId, a.messageId, AcknowledgementStatus.OVERDUE.name(), a.detail));
            }
            return late;
        });
    }

    /** Every acknowledgement awaited from or given by {@code partnerId}, oldest first (one query for a partner's list). */
    public List<AcknowledgementRecord> ofPartner(String partnerId) {
        return emf.callInTransaction(em -> em.createQuery(
                        "select a from AcknowledgementRecord a where a.partnerId = :p order by a.id", AcknowledgementRecord.class)
                .setParameter("p", partnerId).getResultList());
    }

    public Optional<AcknowledgementRecord> forMessage(long messageId) {
        return emf.callInTransaction(em -> em.createQuery(
                        "select a from AcknowledgementRecord a where a.messageId = :m", AcknowledgementRecord.class)
                .setParameter("m", messageId).getResultStream().findFirst());
    }
}
