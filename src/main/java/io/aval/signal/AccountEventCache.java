package io.aval.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import io.aval.signal.internal.Json;

/**
 * Decoded account events kept between evaluations, so that the detectors' view of an account's
 * history costs one small query per event instead of reading and decoding the whole history
 * again (which made a long import quadratic). The database stays the truth: every load first asks
 * it for the account's event count and highest id, reuses the cached events when they match,
 * appends only the newer rows when they follow on, and reloads everything otherwise (another
 * gateway instance wrote in between, a transaction rolled back, an event arrived out of date
 * order). Bounded by a total number of events; the least recently used accounts go first.
 */
final class AccountEventCache {

    private record Entry(List<AccountEvent> events, long maxId, LocalDate lastDate) {
        long count() {
            return events.size();
        }
    }

    private final int maxEvents;
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedEvents;

    AccountEventCache(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** The account's committed events in business order, as the database holds them now. */
    List<AccountEvent> events(EntityManager em, String accountId) {
        Object[] stamp = em.createQuery(
                        "select count(r), coalesce(max(r.id), 0) from AccountEventRecord r where r.accountId = :a", Object[].class)
                .setParameter("a", accountId).getSingleResult();
        long count = ((Number) stamp[0]).longValue();
        long maxId = ((Number) stamp[1]).longValue();
        Entry cached = get(accountId);
        if (cached != null && cached.count() == count && cached.maxId() == maxId) {
            return cached.events();
        }
        Entry fresh = cached != null && count > cached.count() ? appended(em, accountId, cached, count) : null;
        if (fresh == null) {
            fresh = reloaded(em, accountId);
        }
        put(accountId, fresh);
        return fresh.events();
    }

    private static Entry appended(EntityManager em, String accountId, Entry cached, long count) {
        List<Object[]> rows = rows(em, accountId, cached.maxId());
        if (rows.size() != count - cached.count()) {
            return null;
        }
        List<AccountEvent> events = new ArrayList<>(cached.events().size() + rows.size());
        events.addAll(cached.events());
        LocalDate last = cached.lastDate();
        long maxId = cached.maxId();
        for (Object[] row : rows) {
            LocalDate date = (LocalDate) row[1];
            AccountEvent event = Json.read((String) row[2], AccountEvent.class);
            if (last == null || !date.isBefore(last)) {
                events.add(event);
                last = date;
            } else {
                // a late event (another consumer delivered a later day first): the database orders by (day, id) and its id
                // is the highest, so it goes after every event of its day and before the first of a later day
                events.add(firstAfter(events, date), event);
            }
            maxId = Math.max(maxId, ((Number) row[0]).longValue());
        }
        return new Entry(Collections.unmodifiableList(events), maxId, last);
    }

    /** index of the first event dated after {@code date} (the list is in business-date order) */
    private static int firstAfter(List<AccountEvent> events, LocalDate date) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.get(mid).businessDate().isAfter(date)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static Entry reloaded(EntityManager em, String accountId) {
        List<AccountEvent> events = new ArrayList<>();
        LocalDate last = null;
        long maxId = 0;
        for (Object[] row : rows(em, accountId, 0)) {
            events.add(Json.read((String) row[2], AccountEvent.class));
            last = (LocalDate) row[1];
            maxId = Math.max(maxId, ((Number) row[0]).longValue());
        }
        return new Entry(Collections.unmodifiableList(events), maxId, last);
    }

    private static List<Object[]> rows(EntityManager em, String accountId, long afterId) {
        return em.createQuery("select r.id, r.businessDate, r.payload from AccountEventRecord r "
                        + "where r.accountId = :a and r.id > :after order by r.businessDate, r.id", Object[].class)
                .setParameter("a", accountId).setParameter("after", afterId).getResultList();
    }

    private synchronized Entry get(String accountId) {
        return entries.get(accountId);
    }

    private synchronized void put(String accountId, Entry entry) {
        Entry old = entries.put(accountId, entry);
        cachedEvents += entry.events().size() - (old == null ? 0 : old.events().size());
        var it = entries.entrySet().iterator();
        while (cachedEvents > maxEvents && it.hasNext()) {
            Map.Entry<String, Entry> eldest = it.next();
            if (eldest.getKey().equals(accountId)) {
                continue;
            }
            cachedEvents -= eldest.getValue().events().size();
            it.remove();
        }
    }

    /** Forgets everything (tests, or after the history was rewritten outside the engine). */
    synchronized void clear() {
        entries.clear();
        cachedEvents = 0;
    }
}
