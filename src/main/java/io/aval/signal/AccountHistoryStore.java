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
        Stamping stamping = new Stamping(event.accountId());
        record(em, event, loaded, stamping);
        stamping.write(em);
    }

    /**
     * What a transaction recorded for one account, written to its {@link AccountHistoryStamp} once, before
     * the commit ({@link #write}): one UPDATE per run of events instead of one per event (each of which
     * also made Hibernate flush the session).
     */
    static final class Stamping {
        private final String accountId;
        private long events;
        private long lastEventId;
        private long orders;
        private long lastOrderId;
        /** The cached history the transaction's events were evaluated against ({@link #load(EntityManager, String, Stamping)}). */
        private AccountEventCache.Cached basis;
        /** The events recorded, and their ids, for the cache once the transaction commits ({@link #committed}). */
        private final List<AccountEvent> recorded = new ArrayList<>();
        private final List<Long> recordedIds = new ArrayList<>();
        /** Events recorded since the last {@link #write}, not yet in the table. */
        private final List<AccountEvent> pending = new ArrayList<>();

        Stamping(String accountId) {
            this.accountId = accountId;
        }

        private void add(long id, AccountEvent event) {
            recorded.add(event);
            recordedIds.add(id);
            boolean order = event.isOrder();
            events++;
            lastEventId = Math.max(lastEventId, id);
            if (order) {
                orders++;
                lastOrderId = Math.max(lastOrderId, id);
            }
        }

        /**
         * Moves the stamp on by what was recorded, in the database (an increment, so two transactions never
         * lose one another's counts); the first events of an account create the stamp from what the table holds.
         */
        void write(EntityManager em) {
            if (!pending.isEmpty()) {
                List<AccountEvent> run = List.copyOf(pending);
                pending.clear();
                List<Long> ids = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> AccountEventRows.insert(c, run));
                for (int i = 0; i < run.size(); i++) {
                    add(ids.get(i), run.get(i));
                }
            }
            if (events == 0) {
                return;
            }
            int updated = increment(em);
            if (updated == 0) {
                // a stamp persisted by an earlier write of the same transaction is not in the table until the session is
                // flushed (AccountEventCacheTest: two writes in one transaction)
                em.flush();
                updated = increment(em);
            }
            if (updated == 0) {
                Object[] all = em.createQuery("select count(r), coalesce(max(r.id), 0) from AccountEventRecord r where r.accountId = :a",
                        Object[].class).setParameter("a", accountId).getSingleResult();
                Object[] ordersSoFar = em.createQuery("select count(r), coalesce(max(r.id), 0) from AccountEventRecord r "
                        + "where r.accountId = :a and r.messageType = 'ORDERS'", Object[].class).setParameter("a", accountId).getSingleResult();
                em.persist(new AccountHistoryStamp(accountId, ((Number) all[0]).longValue(), ((Number) all[1]).longValue(),
                        ((Number) ordersSoFar[0]).longValue(), ((Number) ordersSoFar[1]).longValue()));
            }
            events = 0;
            orders = 0;
        }

        /**
         * The stamp's row moved on in plain JDBC, as the journal's batch updates: the HQL bulk update was translated to
         * SQL again and flushed the session before each run (7 % of the tap's thread in a bench profile). Rows updated.
         */
        private int increment(EntityManager em) {
            return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
                try (java.sql.PreparedStatement update = c.prepareStatement("update account_history_stamp set events = events + ?, "
                        + "last_event_id = case when last_event_id < ? then ? else last_event_id end, "
                        + "orders = orders + ?, "
                        + "last_order_id = case when last_order_id < ? then ? else last_order_id end "
                        + "where account_id = ?")) {
                    update.setLong(1, events);
                    update.setLong(2, lastEventId);
                    update.setLong(3, lastEventId);
                    update.setLong(4, orders);
                    update.setLong(5, lastOrderId);
                    update.setLong(6, lastOrderId);
                    update.setString(7, accountId);
                    return update.executeUpdate();
                }
            });
        }
    }

    /**
     * After the commit of a transaction that loaded the account's history and recorded events with {@code stamping}:
     * the cached history takes them as they are (no read back). Never called for a transaction that rolled back.
     */
    void committed(Stamping stamping) {
        if (stamping.basis != null) {
            events.committed(stamping.accountId, stamping.basis, stamping.recorded, stamping.recordedIds);
        }
    }

    /** {@link #record(EntityManager, AccountEvent, AccountHistory)}, the stamp moved on later with the others of {@code stamping}. */
    void record(EntityManager em, AccountEvent event, AccountHistory loaded, Stamping stamping) {
        // inserted with the run's others when the stamp is written, before the commit
        stamping.pending.add(event);
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
        return load(em, accountId, null);
    }

    /**
     * {@link #load(EntityManager, String)} for a transaction that records events with {@code stamping}: it notes the
     * history they are evaluated against, so that {@link #committed} can move the cache on after the commit.
     */
    AccountHistory load(EntityManager em, String accountId, Stamping stamping) {
        AccountEventCache.Cached cached = this.events.history(em, accountId);
        if (stamping != null) {
            stamping.basis = cached;
        }
        Map<AccountFact.Kind, Map<String, AccountFact>> facts = new EnumMap<>(AccountFact.Kind.class);
        for (AccountFact f : em.createQuery("select f from AccountFact f where f.accountId = :a", AccountFact.class)
                .setParameter("a", accountId).getResultList()) {
            facts.computeIfAbsent(f.kind(), k -> new HashMap<>()).put(f.key(), f);
        }
        List<Signal> signals = em.createQuery(
                        "select s from Signal s where s.accountId = :a order by s.businessDate, s.id", Signal.class)
                .setParameter("a", accountId).getResultList();
        return new AccountHistory(accountId, cached.events(), cached.orders(), facts, signals);
    }

    /** The order dates of one account as last read (distinct, oldest first, unmodifiable), and the stamp they were read at. */
    private record OrderDates(long orders, long lastOrderId, List<LocalDate> dates) {
    }

    /** {@code dates} distinct, oldest first, in a list no caller can change. */
    private static List<LocalDate> distinctAscending(java.util.Collection<LocalDate> dates) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(new java.util.TreeSet<>(dates)));
    }

    private final Map<String, OrderDates> orderDates = new HashMap<>();

    /**
     * The distinct order dates of every account, oldest first: the input of silence evaluation. Read
     * again only for the accounts whose ORDERS count moved since the last call (their stamp), and then
     * only the orders recorded since; an account whose new orders do not follow on (another instance
     * wrote in between) is read whole.
     */
    public Map<String, List<LocalDate>> orderDatesByAccount() {
        EntityManager em = emf.createEntityManager();
        try {
            return orderDatesByAccount(em);
        } finally {
            em.close();
        }
    }

    /**
     * {@link #orderDatesByAccount()} read through the caller's entity manager: the signal engine asks inside the
     * transaction that moves business time, which then needs no second connection from the pool.
     */
    public synchronized Map<String, List<LocalDate>> orderDatesByAccount(EntityManager em) {
        Map<String, List<LocalDate>> out = new TreeMap<>();
        Map<String, OrderDates> now = new HashMap<>();
        for (AccountHistoryStamp stamp : em.createQuery("select s from AccountHistoryStamp s where s.orders > 0",
                AccountHistoryStamp.class).getResultList()) {
            // read, not kept: the caller's persistence context would otherwise check every account's stamp at each flush
            em.detach(stamp);
            OrderDates known = orderDates.get(stamp.accountId());
            OrderDates current = known != null && known.orders() == stamp.orders() && known.lastOrderId() == stamp.lastOrderId()
                    ? known : orderDatesOf(em, stamp, known);
            now.put(stamp.accountId(), current);
            out.put(stamp.accountId(), current.dates());
        }
        orderDates.clear();
        orderDates.putAll(now);
        return out;
    }

    private static OrderDates orderDatesOf(EntityManager em, AccountHistoryStamp stamp, OrderDates known) {
        if (known != null && stamp.orders() > known.orders()) {
            // not "and r.messageType = 'ORDERS'": the database would then walk the account's orders by type
            // instead of the few rows after the known id; the type is picked out here
            List<LocalDate> added = new ArrayList<>();
            for (Object[] row : em.createQuery("select r.businessDate, r.messageType from AccountEventRecord r where r.accountId = :a "
                            + "and r.id > :after and r.id <= :upTo", Object[].class)
                    .setParameter("a", stamp.accountId()).setParameter("after", known.lastOrderId())
                    .setParameter("upTo", stamp.lastOrderId()).getResultList()) {
                if ("ORDERS".equals(row[1])) {
                    added.add((LocalDate) row[0]);
                }
            }
            if (added.size() == stamp.orders() - known.orders()) {
                List<LocalDate> fresh = distinctAscending(added);
                List<LocalDate> before = known.dates();
                if (fresh.isEmpty() || before.isEmpty() || fresh.get(0).isAfter(before.get(before.size() - 1))) {
                    // the usual case, later days only: appended, not sorted again
                    List<LocalDate> dates = new ArrayList<>(before.size() + fresh.size());
                    dates.addAll(before);
                    dates.addAll(fresh);
                    return new OrderDates(stamp.orders(), stamp.lastOrderId(), java.util.Collections.unmodifiableList(dates));
                }
                List<LocalDate> all = new ArrayList<>(before);
                all.addAll(fresh);
                return new OrderDates(stamp.orders(), stamp.lastOrderId(), distinctAscending(all));
            }
        }
        List<LocalDate> all = em.createQuery("select distinct r.businessDate from AccountEventRecord r where r.accountId = :a "
                        + "and r.id <= :upTo and r.messageType = 'ORDERS'", LocalDate.class)
                .setParameter("a", stamp.accountId()).setParameter("upTo", stamp.lastOrderId()).getResultList();
        return new OrderDates(stamp.orders(), stamp.lastOrderId(), distinctAscending(all));
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
