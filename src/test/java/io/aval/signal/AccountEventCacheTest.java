package io.aval.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

/**
 * The engine's cache of decoded events must always give the history the database holds: with a
 * second gateway instance writing to the same store, after a rolled-back write, with an event older
 * than the cached ones, and after eviction.
 */
class AccountEventCacheTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    private final EngineScenario scenario = new EngineScenario();
    private final AccountFixture acme = new AccountFixture("5412345000013");

    private List<AccountEvent> orders(LocalDate start, int count) {
        return scenario.extract(acme.orders(start, count, 7), "T" + start);
    }

    private static List<String> numbers(List<AccountEvent> events) {
        return events.stream().map(AccountEvent::documentNumber).toList();
    }

    private static List<String> numbers(AccountHistoryStore store, String account) {
        return numbers(store.load(account).events());
    }

    /**
     * The engine's runs move the cache on with the events they recorded, once committed: the next run's history is
     * the database's, and holds the very events accepted (not copies decoded from their stored JSON).
     */
    @Test
    void committedRunsMoveTheCacheOnWithoutReadingBack() {
        // a batch of three days: three runs, three transactions
        List<AccountEvent> all = scenario.extract(acme.orders(MONDAY, 12, 1), "DAILY");
        for (int batch = 0; batch < 4; batch++) {
            scenario.engine.acceptAll(all.subList(3 * batch, 3 * batch + 3));
            List<AccountEvent> cached = scenario.engine.history().load(acme.gln).events();
            assertEquals(numbers(new AccountHistoryStore(scenario.emf, 1_000).load(acme.gln).events()), numbers(cached),
                    "cached history = the database's after batch " + (batch + 1));
            assertEquals(3 * batch + 3, cached.size());
            for (int i = 0; i < cached.size(); i++) {
                org.junit.jupiter.api.Assertions.assertSame(all.get(i), cached.get(i), "event " + (i + 1) + " not read back");
            }
        }
    }

    @Test
    void aRunThatRollsBackLeavesTheCacheAsTheDatabaseIs() {
        scenario.engine.acceptAll(orders(MONDAY, 2));
        // two orders on one day: one run, rolled back whole
        List<AccountEvent> failing = scenario.extract(acme.orders(MONDAY.plusWeeks(2), 2, 0), "FAILING");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> scenario.engine.acceptAll(failing, (em, signals) -> {
            throw new IllegalStateException("the caller's work fails after the events were recorded");
        }));
        scenario.engine.acceptAll(orders(MONDAY.plusWeeks(3), 1));
        List<String> database = numbers(new AccountHistoryStore(scenario.emf, 1_000).load(acme.gln).events());
        assertEquals(3, database.size(), "fixture: the failed run's events were rolled back");
        assertEquals(database, numbers(scenario.engine.history().load(acme.gln).events()));
    }

    /** Another instance records between two of this engine's runs: the cache must not skip its events. */
    @Test
    void anotherInstanceBetweenRunsIsSeen() {
        scenario.engine.acceptAll(orders(MONDAY, 2));
        AccountHistoryStore theirs = new AccountHistoryStore(scenario.emf, 1_000);
        orders(MONDAY.plusDays(1), 2).forEach(theirs::record);
        scenario.engine.acceptAll(orders(MONDAY.plusDays(2), 2));
        assertEquals(numbers(new AccountHistoryStore(scenario.emf, 1_000).load(acme.gln).events()),
                numbers(scenario.engine.history().load(acme.gln).events()));
        assertEquals(6, scenario.engine.history().load(acme.gln).events().size());
    }

    @Test
    void anotherInstanceWritingToTheSameStoreIsSeen() {
        AccountHistoryStore mine = new AccountHistoryStore(scenario.emf, 1_000);
        AccountHistoryStore theirs = new AccountHistoryStore(scenario.emf, 1_000);
        List<AccountEvent> events = orders(MONDAY, 6);
        events.subList(0, 3).forEach(mine::record);
        assertEquals(numbers(events.subList(0, 3)), numbers(mine, acme.gln));

        events.subList(3, 5).forEach(theirs::record);
        assertEquals(numbers(events.subList(0, 5)), numbers(mine, acme.gln), "rows appended by another instance");

        mine.record(events.get(5));
        assertEquals(numbers(events), numbers(mine, acme.gln));
        assertEquals(numbers(events), numbers(theirs, acme.gln));
    }

    @Test
    void aRolledBackEventIsNotRemembered() {
        AccountHistoryStore store = new AccountHistoryStore(scenario.emf, 1_000);
        List<AccountEvent> events = orders(MONDAY, 3);
        store.record(events.get(0));
        assertEquals(1, store.load(acme.gln).events().size());

        EntityManager em = scenario.emf.createEntityManager();
        try {
            em.getTransaction().begin();
            store.record(em, events.get(1));
            em.flush();
            assertEquals(2, store.load(em, acme.gln).events().size(), "visible inside its own transaction");
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        assertEquals(numbers(events.subList(0, 1)), numbers(store, acme.gln));
        store.record(events.get(2));
        assertEquals(List.of(events.get(0).documentNumber(), events.get(2).documentNumber()), numbers(store, acme.gln));
    }

    @Test
    void anOlderEventTakesItsPlaceInBusinessOrder() {
        AccountHistoryStore store = new AccountHistoryStore(scenario.emf, 1_000);
        List<AccountEvent> later = orders(MONDAY.plusWeeks(4), 2);
        later.forEach(store::record);
        assertEquals(2, store.load(acme.gln).events().size());

        AccountEvent earlier = orders(MONDAY, 1).get(0);
        store.record(earlier);
        assertEquals(List.of(earlier.documentNumber(), later.get(0).documentNumber(), later.get(1).documentNumber()),
                numbers(store, acme.gln));
    }

    @Test
    void evictedAccountsAreReadAgain() {
        AccountHistoryStore store = new AccountHistoryStore(scenario.emf, 4);
        AccountFixture other = new AccountFixture("5400000000017");
        List<AccountEvent> mine = orders(MONDAY, 3);
        List<AccountEvent> theirs = scenario.extract(other.orders(MONDAY, 3, 7), "OTHER");
        mine.forEach(store::record);
        assertEquals(3, store.load(acme.gln).events().size());
        theirs.forEach(store::record);
        assertEquals(3, store.load(other.gln).events().size());
        assertEquals(numbers(mine), numbers(store, acme.gln), "read again after the other account pushed it out");
        assertEquals(numbers(theirs), numbers(store, other.gln));
    }

    @Test
    void lateEventsAreMergedInTheOrderTheDatabaseGives() {
        AccountHistoryStore store = new AccountHistoryStore(scenario.emf, 1_000);
        List<AccountEvent> day1 = orders(MONDAY, 2);
        List<AccountEvent> day2 = orders(MONDAY.plusDays(1), 2);
        List<AccountEvent> day3 = orders(MONDAY.plusDays(2), 3);
        // as two consumers deliver them: later days first, then stragglers, some on a day already seen
        List<AccountEvent> arrival = List.of(day1.get(0), day3.get(0), day3.get(1), day2.get(0), day3.get(2), day1.get(1), day2.get(1));
        for (AccountEvent e : arrival) {
            store.record(e);
            assertEquals(numbers(new AccountHistoryStore(scenario.emf, 1_000), acme.gln), numbers(store, acme.gln),
                    "cached history after " + e.documentNumber() + " = the database's");
        }
        // the arrival order is not the business order: the late events went through the merge, not an append
        org.junit.jupiter.api.Assertions.assertNotEquals(numbers(arrival), numbers(store, acme.gln));
    }

    @Test
    void anAccountsHistoryIsItsLatestEventsUpToTheWindow() {
        List<AccountEvent> events = orders(MONDAY, 12);
        long weight = 1 + events.get(0).lines().size();
        org.junit.jupiter.api.Assertions.assertTrue(events.stream().allMatch(e -> 1 + e.lines().size() == weight), "fixture: same weight");
        long window = 4 * weight + 1; // room for four events, not five
        AccountHistoryStore store = new AccountHistoryStore(scenario.emf, 1_000_000, window);
        for (int i = 0; i < events.size(); i++) {
            store.record(events.get(i));
            List<AccountEvent> expected = events.subList(Math.max(0, i - 3), i + 1);
            assertEquals(numbers(expected), numbers(store, acme.gln), "cached, appended, after event " + (i + 1));
            assertEquals(numbers(expected), numbers(new AccountHistoryStore(scenario.emf, 1_000_000, window), acme.gln),
                    "read afresh, newest first, after event " + (i + 1));
        }
        assertEquals(numbers(events), numbers(new AccountHistoryStore(scenario.emf, 1_000_000, 1_000_000), acme.gln),
                "the database keeps every event");
    }

    /**
     * The order dates silence is evaluated on, kept up to date from the accounts' stamps, must be the
     * database's: two instances writing, two accounts, a rolled-back write, orders arriving out of date
     * order and events that are not orders.
     */
    @Test
    void orderDatesAndStampsFollowTheDatabase() {
        AccountHistoryStore mine = new AccountHistoryStore(scenario.emf, 1_000);
        AccountHistoryStore theirs = new AccountHistoryStore(scenario.emf, 1_000);
        AccountFixture other = new AccountFixture("5400000000017");
        List<AccountEvent> acmeOrders = orders(MONDAY, 6);
        List<AccountEvent> otherOrders = scenario.extract(other.orders(MONDAY.plusDays(3), 4, 5), "OTHER");
        List<AccountEvent> despatches = scenario.extract(List.of(EdifactMessage.desadv("DES-1", MONDAY.plusDays(2))
                .ref("ON", acmeOrders.get(0).documentNumber()).buyer(acme.gln, "Marie Dupont", "marie.dupont@acme.example")), "DES");
        long[] rolledBackId = new long[1];
        List<Runnable> steps = List.of(
                () -> mine.record(acmeOrders.get(2)),
                () -> theirs.record(acmeOrders.get(3)),
                () -> mine.record(otherOrders.get(0)),
                () -> theirs.record(despatches.get(0)),
                () -> mine.record(acmeOrders.get(0)), // older than what is there
                () -> theirs.record(otherOrders.get(1)),
                () -> {
                    EntityManager em = scenario.emf.createEntityManager();
                    try {
                        em.getTransaction().begin();
                        mine.record(em, acmeOrders.get(4));
                        em.flush();
                        rolledBackId[0] = em.createQuery("select max(r.id) from AccountEventRecord r", Long.class).getSingleResult();
                        em.getTransaction().rollback();
                    } finally {
                        em.close();
                    }
                },
                () -> mine.record(acmeOrders.get(5)),
                () -> theirs.record(otherOrders.get(2)),
                () -> mine.record(acmeOrders.get(1)),
                // another instance's transaction that took its id before the newest ones commits only now: its order
                // is below the highest id the caches know, so it cannot be found as "recorded since"
                () -> lateCommit(acmeOrders.get(4), rolledBackId[0]),
                () -> theirs.record(otherOrders.get(3)));
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).run();
            java.util.Map<String, List<LocalDate>> expected = databaseOrderDates();
            assertEquals(expected, mine.orderDatesByAccount(), "mine, after step " + (i + 1));
            assertEquals(expected, theirs.orderDatesByAccount(), "theirs, after step " + (i + 1));
            assertEquals(expected, new AccountHistoryStore(scenario.emf, 1_000).orderDatesByAccount(), "read afresh, after step " + (i + 1));
            assertStampsMatchTheEvents("after step " + (i + 1));
            AccountHistory history = mine.load(acme.gln);
            assertEquals(history.events().stream().filter(AccountEvent::isOrder).toList(), history.orders(), "orders of the cached history");
        }
        org.junit.jupiter.api.Assertions.assertEquals(2, databaseOrderDates().size(), "fixture: two accounts with orders");
    }

    /** What {@link AccountHistoryStore#record} writes, with an id below the highest one already there. */
    private void lateCommit(AccountEvent event, long id) {
        EntityManager em = scenario.emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.createNativeQuery("insert into account_event (id, account_id, business_date, message_type, direction, document_number, "
                            + "payload) values (?, ?, ?, 'ORDERS', 'INBOUND', ?, ?)")
                    .setParameter(1, id).setParameter(2, event.accountId()).setParameter(3, event.businessDate())
                    .setParameter(4, event.documentNumber()).setParameter(5, io.aval.signal.internal.Json.write(event)).executeUpdate();
            org.junit.jupiter.api.Assertions.assertEquals(1, em.createNativeQuery("update account_history_stamp set events = events + 1, "
                    + "orders = orders + 1 where account_id = ? and last_order_id > ?").setParameter(1, event.accountId())
                    .setParameter(2, id).executeUpdate(), "fixture: a lower id than the newest order");
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private java.util.Map<String, List<LocalDate>> databaseOrderDates() {
        EntityManager em = scenario.emf.createEntityManager();
        try {
            java.util.Map<String, List<LocalDate>> out = new java.util.TreeMap<>();
            for (Object[] row : em.createQuery("select distinct r.accountId, r.businessDate from AccountEventRecord r "
                    + "where r.messageType = 'ORDERS' order by r.accountId, r.businessDate", Object[].class).getResultList()) {
                out.computeIfAbsent((String) row[0], k -> new java.util.ArrayList<>()).add((LocalDate) row[1]);
            }
            return out;
        } finally {
            em.close();
        }
    }

    private void assertStampsMatchTheEvents(String when) {
        EntityManager em = scenario.emf.createEntityManager();
        try {
            for (AccountHistoryStamp stamp : em.createQuery("select s from AccountHistoryStamp s", AccountHistoryStamp.class).getResultList()) {
                Object[] all = em.createQuery("select count(r), max(r.id) from AccountEventRecord r where r.accountId = :a", Object[].class)
                        .setParameter("a", stamp.accountId()).getSingleResult();
                Object[] orders = em.createQuery("select count(r), coalesce(max(r.id), 0) from AccountEventRecord r "
                        + "where r.accountId = :a and r.messageType = 'ORDERS'", Object[].class).setParameter("a", stamp.accountId()).getSingleResult();
                assertEquals(List.of(((Number) all[0]).longValue(), ((Number) all[1]).longValue(), ((Number) orders[0]).longValue(),
                                ((Number) orders[1]).longValue()),
                        List.of(stamp.events(), stamp.lastEventId(), stamp.orders(), stamp.lastOrderId()), "stamp of " + stamp.accountId() + " " + when);
            }
        } finally {
            em.close();
        }
    }

    /**
     * Two writes of a new account's stamp in one transaction: the first creates the stamp, the second (plain JDBC, no
     * flush of its own) must find it and move it on, not create it twice.
     */
    @Test
    void twoEventsOfANewAccountInOneTransactionMoveOneStamp() {
        List<AccountEvent> two = orders(MONDAY, 2);
        AccountHistoryStore store = new AccountHistoryStore(scenario.emf, 1_000);
        jakarta.persistence.EntityManager em = scenario.emf.createEntityManager();
        try {
            em.getTransaction().begin();
            // as the engine records, with the history loaded in the same transaction: no query in between that would
            // make Hibernate flush the new stamp on its own
            AccountHistoryStore.Stamping stamping = new AccountHistoryStore.Stamping(acme.gln);
            AccountHistory history = store.load(em, acme.gln, stamping);
            store.record(em, two.get(0), history, stamping);
            stamping.write(em);
            store.record(em, two.get(1), history, stamping);
            stamping.write(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        jakarta.persistence.EntityManager check = scenario.emf.createEntityManager();
        try {
            AccountHistoryStamp stamp = check.find(AccountHistoryStamp.class, acme.gln);
            Long maxId = check.createQuery("select max(r.id) from AccountEventRecord r where r.accountId = :a", Long.class)
                    .setParameter("a", acme.gln).getSingleResult();
            assertEquals(2, stamp.events());
            assertEquals(2, stamp.orders());
            assertEquals(maxId, stamp.lastEventId());
            assertEquals(maxId, stamp.lastOrderId());
        } finally {
            check.close();
        }
        assertEquals(numbers(two), numbers(store, acme.gln));
    }
}
