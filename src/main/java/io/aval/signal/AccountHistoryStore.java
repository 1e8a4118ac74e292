package io.aval.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Per-account business history in the database: events with their lines, and first-seen facts
 * (delivery sites, countries, products, contacts). Decoded events are cached between evaluations
 * ({@link AccountEventCache}), checked against the database on every load, so several gateway
 * instances can still share the store.
 */
public final class AccountHistoryStore {

    private final EntityManagerFactory emf;
    private final AccountEventCache events;

    public AccountHistoryStore(EntityManagerFactory emf) {
        this(emf, SignalSettings.defaults().historyCacheLines);
    }

    /** Keeping at most {@code cachedLines} decoded lines (an event weighs one plus its lines) of all accounts. */
    public AccountHistoryStore(EntityManagerFactory emf, long cachedLines) {
        this(emf, cachedLines, SignalSettings.defaults().historyWindowLines);
    }

    /** As above; an account's history is its latest events up to {@code windowLines} lines. */
    public AccountHistoryStore(EntityManagerFactory emf, long cachedLines, long windowLines) {
        this.emf = emf;
        this.events = new AccountEventCache(cachedLines, windowLines);
    }

    /** Appends the event to the account's history and updates its first-seen facts. */
    public void record(AccountEvent event) {
        inTransaction(em -> record(em, event));
    }

    void record(EntityManager em, AccountEvent event) {
        record(em, event, null);
    }

    /**
     * @param loaded the account's history loaded in this same EntityManager (its facts are managed), or
     *               null to look each fact up
     */
    void record(EntityManager em, AccountEvent event, AccountHistory loaded) {
        em.persist(new AccountEventRecord(event));
        for (Map.Entry<AccountFact.Kind, Set<String>> e : factsOf(event).entrySet()) {
            for (String key : e.getValue()) {
                if (loaded != null) {
                    AccountFact known = loaded.fact(e.getKey(), key).orElse(null);
                    if (known == null) {
                        AccountFact first = new AccountFact(event.accountId(), e.getKey(), key, event.businessDate(),
                                event.documentNumber());
                        em.persist(first);
                        loaded.remember(first);
                    } else {
                        known.seenAgain(event.businessDate());
                    }
                    continue;
                }
                List<AccountFact> found = em.createQuery(
                                "select f from AccountFact f where f.accountId = :a and f.kind = :k and f.key = :key",
                                AccountFact.class)
                        .setParameter("a", event.accountId()).setParameter("k", e.getKey()).setParameter("key", key)
                        .getResultList();
                if (found.isEmpty()) {
                    em.persist(new AccountFact(event.accountId(), e.getKey(), key, event.businessDate(),
                            event.documentNumber()));
                } else {
                    found.get(0).seenAgain(event.businessDate());
                }
            }
        }
    }

    /** The facts an event contributes: delivery site and country (ORDERS, DESADV), products and contacts (ORDERS). */
    static Map<AccountFact.Kind, Set<String>> factsOf(AccountEvent event) {
        Map<AccountFact.Kind, Set<String>> out = new EnumMap<>(AccountFact.Kind.class);
        boolean order = event.isOrder();
        if (order || "DESADV".equals(event.messageType())) {
            event.deliveryParty().ifPresent(p -> {
                if (p.siteKey() != null) {
                    out.computeIfAbsent(AccountFact.Kind.SITE, k -> new LinkedHashSet<>()).add(p.siteKey());
                }
                if (p.country() != null) {
                    out.computeIfAbsent(AccountFact.Kind.COUNTRY, k -> new LinkedHashSet<>()).add(p.country().trim().toUpperCase());
                }
            });
        }
        if (order) {
            for (AccountEvent.Line l : event.lines()) {
                if (l.productId() != null) {
                    out.computeIfAbsent(AccountFact.Kind.PRODUCT, k -> new LinkedHashSet<>()).add(l.productId());
                }
            }
            for (AccountEvent.Contact c : event.contacts()) {
                if (c.key() != null && ("BY".equals(c.partyQualifier()) || event.contacts().size() == 1)) {
                    out.computeIfAbsent(AccountFact.Kind.CONTACT, k -> new LinkedHashSet<>()).add(c.key());
                }
            }
        }
        return out;
    }

    /** The account's history as it stands now. */
    public AccountHistory load(String accountId) {
        EntityManager em = emf.createEntityManager();
        try {
            return load(em, accountId);
        } finally {
            em.close();
        }
    }

    AccountHistory load(EntityManager em, String accountId) {
        List<AccountEvent> events = this.events.events(em, accountId);
        Map<AccountFact.Kind, Map<String, AccountFact>> facts = new EnumMap<>(AccountFact.Kind.class);
        for (AccountFact f : em.createQuery("select f from AccountFact f where f.accountId = :a", AccountFact.class)
                .setParameter("a", accountId).getResultList()) {
            facts.computeIfAbsent(f.kind(), k -> new HashMap<>()).put(f.key(), f);
        }
        List<Signal> signals = em.createQuery(
                        "select s from Signal s where s.accountId = :a order by s.businessDate, s.id", Signal.class)
                .setParameter("a", accountId).getResultList();
        return new AccountHistory(accountId, events, facts, signals);
    }

    /** Order dates of every account, oldest first: the input of silence evaluation. */
    public Map<String, List<LocalDate>> orderDatesByAccount() {
        EntityManager em = emf.createEntityManager();
        try {
            Map<String, List<LocalDate>> out = new TreeMap<>();
            for (Object[] row : em.createQuery(
                            "select r.accountId, r.businessDate from AccountEventRecord r where r.messageType = 'ORDERS' "
                                    + "order by r.accountId, r.businessDate", Object[].class)
                    .getResultList()) {
                out.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((LocalDate) row[1]);
            }
            return out;
        } finally {
            em.close();
        }
    }

    private void inTransaction(java.util.function.Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
