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
}
