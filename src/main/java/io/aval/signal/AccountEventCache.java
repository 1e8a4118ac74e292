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
 * appends only the newer rows when they follow on, and reloads otherwise (another gateway instance
 * wrote in between, a transaction rolled back, an event arrived out of date order).
 *
 * <p>Memory is bounded in lines (an event weighs one plus its lines): an account's history is its
 * most recent events up to {@code windowLines} (older ones are left in the database: an archive of
 * hundreds of megabytes for one account must not have to fit in the heap), and all accounts
 * together are kept up to {@code maxLines}, the least recently used going first.
 */
final class AccountEventCache {

    private record Entry(List<AccountEvent> events, List<AccountEvent> orders, long count, long maxId, LocalDate lastDate, long lines) {
    }

    /**
     * An account's history as the detectors see it: its events and, of them, its ORDERS, both in business order;
     * with the account's event count and highest event id they stand for.
     */
    record Cached(List<AccountEvent> events, List<AccountEvent> orders, long count, long maxId) {
    }

    private final long maxLines;
    private final long windowLines;
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedLines;

    AccountEventCache(long maxLines, long windowLines) {
        if (maxLines < 1 || windowLines < 1) {
            throw new IllegalArgumentException("history-cache-lines and history-window-lines must be positive: "
                    + maxLines + ", " + windowLines);
        }
        this.maxLines = maxLines;
        this.windowLines = windowLines;
    }

    /** The account's committed events in business order (its most recent ones, up to the window), as the database holds them now. */
    List<AccountEvent> events(EntityManager em, String accountId) {
        return history(em, accountId).events();
    }

    /**
     * {@link #events} and, of them, the ORDERS. The check against the database is the account's
     * {@link AccountHistoryStamp} (one primary-key read); an account without one (history written
     * around {@link AccountHistoryStore#record}) is counted.
     */
    Cached history(EntityManager em, String accountId) {
        List<Object[]> stamps = em.createQuery(
                        "select s.events, s.lastEventId from AccountHistoryStamp s where s.accountId = :a", Object[].class)
                .setParameter("a", accountId).getResultList();
        Object[] stamp = !stamps.isEmpty() ? stamps.get(0) : em.createQuery(
                        "select count(r), coalesce(max(r.id), 0) from AccountEventRecord r where r.accountId = :a", Object[].class)
                .setParameter("a", accountId).getSingleResult();
        long count = ((Number) stamp[0]).longValue();
        long maxId = ((Number) stamp[1]).longValue();
        Entry cached = get(accountId);
        if (cached != null && cached.count() == count && cached.maxId() == maxId) {
            return new Cached(cached.events(), cached.orders(), count, maxId);
        }
        Entry fresh = cached != null && count > cached.count() ? appended(em, accountId, cached, count, maxId) : null;
        if (fresh == null) {
            fresh = reloaded(em, accountId, count, maxId);
        }
        put(accountId, fresh);
        return new Cached(fresh.events(), fresh.orders(), count, maxId);
    }

    /**
     * After a commit that recorded {@code added} (with their ids, in the order recorded) on top of the history
     * {@code basis} that {@link #history} gave: the cached history moves on with them, so the next load finds it
     * current without reading back and decoding what this instance has just written. Nothing changes when the
     * cached history is no longer {@code basis} (evicted, or moved by another load) or when an id is not above the
     * ones it holds (the database's order would not be this one): the next load then asks the database, as before.
     */
    synchronized void committed(String accountId, Cached basis, List<AccountEvent> added, List<Long> ids) {
        Entry cached = entries.get(accountId);
        if (added.isEmpty() || cached == null || cached.count() != basis.count() || cached.maxId() != basis.maxId()
                || added.size() != ids.size()) {
            return;
        }
        long maxId = cached.maxId();
        for (long id : ids) {
            if (id <= maxId) {
                return;
            }
            maxId = id;
        }
        List<Dated> dated = new ArrayList<>(added.size());
        for (AccountEvent event : added) {
            dated.add(new Dated(event.businessDate(), event));
        }
        put(accountId, extended(cached, dated, cached.count() + added.size(), maxId));
    }

    /** An event with the business date the database orders it by. */
    private record Dated(LocalDate date, AccountEvent event) {
    }

    private static long weight(AccountEvent e) {
        return 1L + e.lines().size();
    }

    private Entry appended(EntityManager em, String accountId, Entry cached, long count, long maxId) {
        List<Object[]> rows = em.createQuery("select r.id, r.businessDate, r.payload from AccountEventRecord r "
                        + "where r.accountId = :a and r.id > :after and r.id <= :upTo order by r.businessDate, r.id", Object[].class)
                .setParameter("a", accountId).setParameter("after", cached.maxId()).setParameter("upTo", maxId).getResultList();
        if (rows.size() != count - cached.count()) {
            return null;
        }
        List<Dated> dated = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            dated.add(new Dated((LocalDate) row[1], Json.read((String) row[2], AccountEvent.class)));
        }
        return extended(cached, dated, count, maxId);
    }

    /** {@code cached} with {@code added} (in the database's order) merged in business order, then cut to the window. */
    private Entry extended(Entry cached, List<Dated> added, long count, long maxId) {
        List<AccountEvent> merged = new ArrayList<>(cached.events().size() + added.size());
        merged.addAll(cached.events());
        List<AccountEvent> orders = new ArrayList<>(cached.orders().size() + added.size());
        orders.addAll(cached.orders());
        LocalDate last = cached.lastDate();
        long lines = cached.lines();
        for (Dated d : added) {
            LocalDate date = d.date();
            AccountEvent event = d.event();
            if (last == null || !date.isBefore(last)) {
                merged.add(event);
                if (event.isOrder()) {
                    orders.add(event);
                }
                last = date;
            } else {
                // a late event (another consumer delivered a later day first): the database orders by (day, id) and its id
                // is the highest, so it goes after every event of its day and before the first of a later day
                merged.add(firstAfter(merged, date), event);
                if (event.isOrder()) {
                    orders.add(firstAfter(orders, date), event);
                }
            }
            lines += weight(event);
        }
        int drop = 0;
        int droppedOrders = 0;
        while (lines > windowLines && drop < merged.size() - 1) {
            AccountEvent dropped = merged.get(drop++);
            lines -= weight(dropped);
            droppedOrders += dropped.isOrder() ? 1 : 0;
        }
        List<AccountEvent> kept = drop == 0 ? merged : new ArrayList<>(merged.subList(drop, merged.size()));
        List<AccountEvent> keptOrders = droppedOrders == 0 ? orders : new ArrayList<>(orders.subList(droppedOrders, orders.size()));
        return new Entry(Collections.unmodifiableList(kept), Collections.unmodifiableList(keptOrders), count, maxId, last, lines);
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

    /** The newest events first, decoded until the window is full, then put back in business order. */
    private Entry reloaded(EntityManager em, String accountId, long count, long maxId) {
        List<AccountEvent> newestFirst = new ArrayList<>();
        LocalDate last = null;
        long lines = 0;
        try (java.util.stream.Stream<Object[]> rows = em.createQuery("select r.id, r.businessDate, r.payload from AccountEventRecord r "
                        + "where r.accountId = :a and r.id <= :upTo order by r.businessDate desc, r.id desc", Object[].class)
                .setParameter("a", accountId).setParameter("upTo", maxId)
                .setHint("org.hibernate.fetchSize", 256)
                .getResultStream()) {
            for (java.util.Iterator<Object[]> it = rows.iterator(); it.hasNext(); ) {
                Object[] row = it.next();
                AccountEvent event = Json.read((String) row[2], AccountEvent.class);
                if (!newestFirst.isEmpty() && lines + weight(event) > windowLines) {
                    break;
                }
                if (last == null) {
                    last = (LocalDate) row[1];
                }
                newestFirst.add(event);
                lines += weight(event);
            }
        }
        Collections.reverse(newestFirst);
        return entry(newestFirst, count, maxId, last, lines);
    }

    private static Entry entry(List<AccountEvent> events, long count, long maxId, LocalDate last, long lines) {
        List<AccountEvent> orders = new ArrayList<>();
        for (AccountEvent e : events) {
            if (e.isOrder()) {
                orders.add(e);
            }
        }
        return new Entry(Collections.unmodifiableList(events), Collections.unmodifiableList(orders), count, maxId, last, lines);
    }

    private synchronized Entry get(String accountId) {
        return entries.get(accountId);
    }

    private synchronized void put(String accountId, Entry entry) {
        Entry old = entries.put(accountId, entry);
        cachedLines += entry.lines() - (old == null ? 0 : old.lines());
        var it = entries.entrySet().iterator();
        while (cachedLines > maxLines && it.hasNext()) {
            Map.Entry<String, Entry> eldest = it.next();
            if (eldest.getKey().equals(accountId)) {
                continue;
            }
            cachedLines -= eldest.getValue().lines();
            it.remove();
        }
    }

    /** Forgets everything (tests, or after the history was rewritten outside the engine). */
    synchronized void clear() {
        entries.clear();
        cachedLines = 0;
    }
}
