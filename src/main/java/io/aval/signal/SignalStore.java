package io.aval.signal;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/** Detected signals in the database; the dedup key is unique, so a fact is stored once. */
public final class SignalStore {

    private final EntityManagerFactory emf;

    public SignalStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Persists the signal unless one with the same dedup key exists; true when stored. */
    boolean saveIfNew(EntityManager em, Signal signal) {
        Long count = em.createQuery("select count(s) from Signal s where s.dedupKey = :k", Long.class)
                .setParameter("k", signal.dedupKey()).getSingleResult();
        if (count > 0) {
            return false;
        }
        em.persist(signal);
        return true;
    }

    /** Every signal, by business date. */
    public List<Signal> list() {
        return list(null, null);
    }

    /**
     * Signals by business date, optionally filtered.
     *
     * @param accountId null for every account
     * @param type      null for every type
     */
    public List<Signal> list(String accountId, SignalType type) {
        EntityManager em = emf.createEntityManager();
        try {
            // built per filter: PostgreSQL cannot type a bare "? is null" parameter
            StringBuilder jpql = new StringBuilder("select s from Signal s where 1 = 1");
            if (accountId != null) {
                jpql.append(" and s.accountId = :a");
            }
            if (type != null) {
                jpql.append(" and s.type = :t");
            }
            var q = em.createQuery(jpql.append(" order by s.businessDate, s.id").toString(), Signal.class);
            if (accountId != null) {
                q.setParameter("a", accountId);
            }
            if (type != null) {
                q.setParameter("t", type);
            }
            return q.getResultList();
        } finally {
            em.close();
        }
    }
}
