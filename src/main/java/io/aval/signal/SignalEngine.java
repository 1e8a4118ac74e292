package io.aval.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;

/**
 * Turns account events into signals. Feed it events in business-date order per account (the pipeline
 * guarantees per-account order with Artemis message groups); each event is evaluated by every detector
 * against the account's history as it stood before the event, then joins the history. Business time is
 * the newest business date seen on any flow; it never reads the wall clock, so replaying an archive gives
 * the signals live traffic would have given.
 */
public final class SignalEngine {

    private final EntityManagerFactory emf;
    private final SignalSettings settings;
    private final List<SignalDetector> detectors;
    private final AccountHistoryStore history;
    private final SignalStore signals;
    /** Business time as last read or moved here; the stored clock only moves forward, so it is never ahead of it. */
    private volatile LocalDate knownBusinessTime;

    public SignalEngine(EntityManagerFactory emf, SignalSettings settings) {
        this(emf, settings, standardDetectors());
    }

    public SignalEngine(EntityManagerFactory emf, SignalSettings settings, List<SignalDetector> detectors) {
        this.emf = emf;
        this.settings = settings;
        this.detectors = List.copyOf(detectors);
        this.history = new AccountHistoryStore(emf, settings.historyCacheLines, settings.historyWindowLines);
        this.signals = new SignalStore(emf);
    }

    /** One detector per catalogue entry (STOCK_LOW waits for INVRPT/SLSRPT). */
    public static List<SignalDetector> standardDetectors() {
        return List.of(new VolumeDeclineDetector(), new OrderSilenceDetector(), new ProductDroppedDetector(),
                new NewDeliverySiteDetector(), new NewExportDestinationDetector(), new LargeOrderDetector(),
                new NewProductDetector(), new UrgencyPatternDetector(), new DisputeDetector(),
                new PriceMismatchDetector(), new CompetitorMentionDetector(), new DeliveryShortfallDetector(),
                new ContactChangeDetector());
    }

    /**
     * Evaluates one event and records it in the account's history. A document already recorded for the
     * account (same type, number, code and date) is ignored, so replays are harmless.
     *
     * @return the signals stored because of this event, including silences that became due as business
     *         time moved to the event's date
     */
    public List<Signal> accept(AccountEvent event) {
        return acceptAll(List.of(event)).get(0);
    }

    /**
     * {@link #accept} for several events in order (a batch the pipeline carries as one unit: the
     * messages of one interchange), with the same outcome as accepting them one by one. Consecutive
     * events of one account and business date are evaluated in one transaction against a history
     * loaded once and moved on in memory after each event; business time moves between such runs.
     *
     * @return for each event, in order, the signals stored because of it
     */
    public List<List<Signal>> acceptAll(List<AccountEvent> events) {
        return acceptAll(events, null);
    }

    /** Work of the caller's done in the engine's last transaction of a batch, with the batch's outcome. */
    @FunctionalInterface
    public interface Finish {
        /** {@code signals}: for each event, in order, the signals stored because of it */
        void run(EntityManager em, List<List<Signal>> signals);
    }

    /**
     * {@link #acceptAll(List)}, then {@code finish} in the transaction of the batch's last run (one of its own when
     * there are no events): the pipeline notes its messages as tapped in the commit that records their events.
     * Each run's transaction also moves business time to the run's date when that is new (and stores the
     * silences it makes due): one commit per run, and a crash cannot move the clock without them.
     */
    public List<List<Signal>> acceptAll(List<AccountEvent> events, Finish finish) {
        List<List<Signal>> out = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            if (finish != null) {
                inTransaction(em -> {
                    finish.run(em, out);
                });
            }
            return out;
        }
        int start = 0;
        while (start < events.size()) {
            AccountEvent first = events.get(start);
            int end = start + 1;
            while (end < events.size() && events.get(end).accountId().equals(first.accountId())
                    && events.get(end).businessDate().equals(first.businessDate())) {
                end++;
            }
            List<AccountEvent> run = events.subList(start, end);
            boolean last = end == events.size();
            LocalDate date = first.businessDate();
            LocalDate known = knownBusinessTime;
            boolean newDay = known == null || date.isAfter(known);
            List<List<Signal>> fresh = new ArrayList<>();
            AccountHistoryStore.Stamping stamping = new AccountHistoryStore.Stamping(first.accountId());
            inTransaction(em -> {
                List<Signal> due = newDay ? moveBusinessTime(em, date) : new ArrayList<>();
                AccountHistory current = history.load(em, first.accountId(), stamping);
                Set<String> recorded = recordedOn(em, first.accountId(), date);
                for (AccountEvent event : run) {
                    List<Signal> raised = new ArrayList<>();
                    if (event.documentNumber() == null || recorded.add(documentKey(event.messageType(), event.documentNumber()))) {
                        Set<String> keys = new HashSet<>();
                        for (SignalDetector d : detectors) {
                            for (Signal s : d.onEvent(event, current, settings)) {
                                if (keys.add(s.dedupKey()) && signals.saveIfNew(em, s)) {
                                    raised.add(s);
                                }
                            }
                        }
                        history.record(em, event, current, stamping);
                        current = current.after(event, raised);
                    }
                    fresh.add(raised);
                }
                stamping.write(em);
                fresh.get(0).addAll(0, due);
                if (last && finish != null) {
                    List<List<Signal>> all = new ArrayList<>(out);
                    all.addAll(fresh);
                    finish.run(em, all);
                }
            });
            history.committed(stamping);
            if (newDay) {
                moved(date);
            }
            out.addAll(fresh);
            start = end;
        }
        return out;
    }

    /**
     * Moves business time forward to {@code date} (never backwards) and evaluates time-driven detectors
     * (order silence) as of the day before: that day is complete on every flow.
     *
     * @return the signals that became due
     */
    public List<Signal> advanceBusinessTime(LocalDate date) {
        LocalDate known = knownBusinessTime;
        if (known != null && !date.isAfter(known)) {
            return new ArrayList<>();
        }
        List<Signal> out = new ArrayList<>();
        inTransaction(em -> {
            out.addAll(moveBusinessTime(em, date));
        });
        moved(date);
        return out;
    }

    /**
     * In the caller's transaction: the clock moves in the transaction that stores the signals it makes due (a
     * crash between the two would leave the day's silences unevaluated for good: the clock says the day is done).
     * Nothing when the stored clock is already at or past {@code date}.
     */
    private List<Signal> moveBusinessTime(EntityManager em, LocalDate date) {
        List<Signal> out = new ArrayList<>();
        // the row is there from the schema's start (V90), so concurrent first moves wait on its lock
        SignalClock clock = em.find(SignalClock.class, SignalClock.SINGLETON, LockModeType.PESSIMISTIC_WRITE);
        if (clock.businessTime() != null && !date.isAfter(clock.businessTime())) {
            return out;
        }
        clock.moveTo(date);
        LocalDate asOf = date.minusDays(1);
        for (Map.Entry<String, List<LocalDate>> e : history.orderDatesByAccount(em).entrySet()) {
            for (SignalDetector d : detectors) {
                for (Signal s : d.onBusinessTime(e.getKey(), e.getValue(), asOf, settings)) {
                    if (signals.saveIfNew(em, s)) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    /** After a commit that moved (or found) the stored clock at {@code date}. */
    private synchronized void moved(LocalDate date) {
        LocalDate known = knownBusinessTime;
        if (known == null || date.isAfter(known)) {
            knownBusinessTime = date;
        }
    }

    /** The newest business date seen, if any event was accepted. */
    public Optional<LocalDate> businessTime() {
        EntityManager em = emf.createEntityManager();
        try {
            return Optional.ofNullable(em.find(SignalClock.class, SignalClock.SINGLETON)).map(SignalClock::businessTime);
        } finally {
            em.close();
        }
    }

    public SignalStore signals() {
        return signals;
    }

    public AccountHistoryStore history() {
        return history;
    }

    public SignalSettings settings() {
        return settings;
    }

    /**
     * The documents (type and number) already in the account's history on that business date: one query
     * for a run of events that share both, instead of one per event. A document is recorded once per
     * account, type, number and date; one without a number is never taken for one already recorded.
     */
    private static Set<String> recordedOn(EntityManager em, String accountId, LocalDate date) {
        Set<String> out = new HashSet<>();
        for (Object[] row : em.createQuery("select r.messageType, r.documentNumber from AccountEventRecord r "
                        + "where r.accountId = :a and r.businessDate = :d and r.documentNumber is not null", Object[].class)
                .setParameter("a", accountId).setParameter("d", date).getResultList()) {
            out.add(documentKey((String) row[0], (String) row[1]));
        }
        return out;
    }

    private static String documentKey(String messageType, String documentNumber) {
        return messageType + '\u0000' + documentNumber;
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
