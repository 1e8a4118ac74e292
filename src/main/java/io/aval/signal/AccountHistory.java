package io.aval.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about one account before the event being evaluated: its earlier events in business
 * order, its first-seen facts and the signals already raised. Detectors read it; only the engine writes.
 */
public final class AccountHistory {

    private final String accountId;
    private final List<AccountEvent> events;
    private final List<AccountEvent> orders;
    private final Map<AccountFact.Kind, Map<String, AccountFact>> facts;
    private final List<Signal> signals;

    public AccountHistory(String accountId, List<AccountEvent> events,
                          Map<AccountFact.Kind, Map<String, AccountFact>> facts, List<Signal> signals) {
        this(accountId, Growing.of(events), Growing.of(events.stream().filter(AccountEvent::isOrder).toList()), facts,
                List.copyOf(signals), true);
    }

    /** As above, with the events' ORDERS already picked out (in the same order). */
    AccountHistory(String accountId, List<AccountEvent> events, List<AccountEvent> orders,
                   Map<AccountFact.Kind, Map<String, AccountFact>> facts, List<Signal> signals) {
        this(accountId, Growing.of(events), Growing.of(orders), facts, List.copyOf(signals), true);
    }

    private AccountHistory(String accountId, List<AccountEvent> events, List<AccountEvent> orders,
                           Map<AccountFact.Kind, Map<String, AccountFact>> facts, List<Signal> signals, boolean built) {
        this.accountId = accountId;
        this.events = events;
        this.orders = orders;
        this.facts = facts;
        this.signals = signals;
    }

    /**
     * The history as the next event of the same transaction sees it: this one with {@code event}
     * appended (it is the newest: events come in business order) and the signals it raised. The
     * facts are shared: {@link AccountHistoryStore#record} keeps them up to date.
     */
    AccountHistory after(AccountEvent event, List<Signal> raised) {
        List<Signal> signalsNow = raised.isEmpty() ? signals : java.util.stream.Stream.concat(signals.stream(), raised.stream()).toList();
        return new AccountHistory(accountId, ((Growing<AccountEvent>) events).plus(event),
                event.isOrder() ? ((Growing<AccountEvent>) orders).plus(event) : orders, facts, signalsNow, true);
    }

    /**
     * An unmodifiable list that a later history extends without copying: each history sees its own
     * prefix of one shared array, and only the newest may append to it (an older one copies first).
     * So moving a history on by one event costs the same whatever the account's age.
     */
    private static final class Growing<T> extends java.util.AbstractList<T> implements java.util.RandomAccess {
        private final java.util.ArrayList<T> shared;
        private final int size;

        private Growing(java.util.ArrayList<T> shared, int size) {
            this.shared = shared;
            this.size = size;
        }

        static <T> Growing<T> of(List<T> items) {
            return new Growing<>(new java.util.ArrayList<>(items), items.size());
        }

        Growing<T> plus(T item) {
            java.util.ArrayList<T> into = shared;
            synchronized (shared) {
                if (shared.size() != size) {
                    into = new java.util.ArrayList<>(shared.subList(0, size));
                }
                into.add(item);
            }
            return new Growing<>(into, size + 1);
        }

        @Override
        public T get(int index) {
            java.util.Objects.checkIndex(index, size);
            return shared.get(index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** A fact {@link AccountHistoryStore#record} has just stored, for the later events of the same transaction. */
    void remember(AccountFact fact) {
        facts.computeIfAbsent(fact.kind(), k -> new java.util.HashMap<>()).put(fact.key(), fact);
    }

    public String accountId() {
        return accountId;
    }

    /** Earlier events, oldest first. */
    public List<AccountEvent> events() {
        return events;
    }

    /** Earlier ORDERS, oldest first. */
    public List<AccountEvent> orders() {
        return orders;
    }

    public Optional<AccountFact> fact(AccountFact.Kind kind, String key) {
        return Optional.ofNullable(facts.getOrDefault(kind, Map.of()).get(key));
    }

    public Map<String, AccountFact> facts(AccountFact.Kind kind) {
        return facts.getOrDefault(kind, Map.of());
    }

    /** Signals already raised for the account, oldest first. */
    public List<Signal> signals() {
        return signals;
    }

    public Optional<Signal> lastSignal(SignalType type, String dedupPrefix) {
        Signal last = null;
        for (Signal s : signals) {
            if (s.type() == type && s.dedupKey().startsWith(dedupPrefix)) {
                last = s;
            }
        }
        return Optional.ofNullable(last);
    }

    public Optional<AccountEvent> findOrder(String orderNumber) {
        if (orderNumber == null) {
            return Optional.empty();
        }
        for (int i = orders.size() - 1; i >= 0; i--) {
            if (orderNumber.equals(orders.get(i).documentNumber())) {
                return Optional.of(orders.get(i));
            }
        }
        return Optional.empty();
    }

    public List<AccountEvent> eventsFor(String messageType, String orderNumber) {
        return events.stream().filter(e -> messageType.equals(e.messageType())
                && orderNumber.equals(e.references().get("ON"))).toList();
    }

    /**
     * True while the account is too new for "first seen" to mean "new": fewer than the learning number
     * of orders, or fewer than the learning number of days since its first order.
     */
    public boolean learning(LocalDate at, SignalSettings.Learning settings) {
        if (orders.size() < settings.minOrders) {
            return true;
        }
        LocalDate first = orders.get(0).businessDate();
        return ChronoUnit.DAYS.between(first, at) < settings.minDays;
    }
}
