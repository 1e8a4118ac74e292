package io.aval.notify;

import io.aval.notify.FeedbackTokens.Answer;
import io.aval.signal.Signal;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;

/** The reps' answers, one per signal: the same answer again changes nothing, a different one replaces it. */
public final class FeedbackStore {

    /** What recording an answer did. */
    public enum Outcome {
        /** First answer for the signal. */
        RECORDED,
        /** The rep changed their mind: the new answer replaces the old one. */
        CHANGED,
        /** The same answer was already recorded (a replayed link): nothing changed. */
        UNCHANGED,
        /** No such signal (a valid token for a signal deleted since). */
        UNKNOWN_SIGNAL
    }

    private final EntityManagerFactory emf;

    public FeedbackStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    public Outcome record(Answer answer) {
        try {
            return tryRecord(answer);
        } catch (PersistenceException concurrentFirstAnswer) {
            // two clicks raced on the unique key: the second now finds the first and behaves as a replay
            return tryRecord(answer);
        }
    }

    private Outcome tryRecord(Answer answer) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            if (em.find(Signal.class, answer.signalId()) == null) {
                em.getTransaction().rollback();
                return Outcome.UNKNOWN_SIGNAL;
            }
            List<SignalFeedback> existing = em.createQuery("select f from SignalFeedback f where f.signalId = :s", SignalFeedback.class)
                    .setParameter("s", answer.signalId()).getResultList();
            Outcome outcome;
            if (existing.isEmpty()) {
                em.persist(new SignalFeedback(answer.signalId(), answer.useful(), Instant.now()));
                outcome = Outcome.RECORDED;
            } else if (existing.get(0).useful() == answer.useful()) {
                outcome = Outcome.UNCHANGED;
            } else {
                existing.get(0).answer(answer.useful(), Instant.now());
                outcome = Outcome.CHANGED;
            }
            em.getTransaction().commit();
            return outcome;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Every answer (tests, report). */
    public List<SignalFeedback> list() {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("select f from SignalFeedback f order by f.signalId", SignalFeedback.class).getResultList();
        } finally {
            em.close();
        }
    }
}
