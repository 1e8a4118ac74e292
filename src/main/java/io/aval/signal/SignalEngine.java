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
        List<List<Signal>> out = new ArrayList<>(events.size());
        int start = 0;
        while (start < events.size()) {
            AccountEvent first = events.get(start);
            int end = start + 1;
            while (end < events.size() && events.get(end).accountId().equals(first.accountId())
                    && events.get(end).businessDate().equals(first.businessDate())) {
                end++;
            }
            List<Signal> due = advanceBusinessTime(first.businessDate());
            List<AccountEvent> run = events.subList(start, end);
            List<List<Signal>> fresh = new ArrayList<>();
            inTransaction(em -> {
                AccountHistory current = history.load(em, first.accountId());
                Set<String> recorded = recordedOn(em, first.accountId(), first.businessDate());
                AccountHistoryStore.Stamping stamping = new AccountHistoryStore.Stamping(first.accountId());
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
            });
            fresh.get(0).addAll(0, due);
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
        List<Signal> out = new ArrayList<>();
        LocalDate known = knownBusinessTime;
        if (known != null && !date.isAfter(known)) {
            return out;
        }
        // the clock moves in the transaction that stores the signals it makes due: a crash between the two
        // would leave the day's silences unevaluated for good (the clock says the day is done), and it is one
        // commit, not two
        inTransaction(em -> {
            SignalClock clock = em.find(SignalClock.class, SignalClock.SINGLETON, LockModeType.PESSIMISTIC_WRITE);
            if (clock == null) {
                em.persist(new SignalClock(date));
            } else if (!date.isAfter(clock.businessTime())) {
                return false;
            } else {
                clock.moveTo(date);
            }
            LocalDate asOf = date.minusDays(1);
            for (Map.Entry<String, List<LocalDate>> e : history.orderDatesByAccount().entrySet()) {
                for (SignalDetector d : detectors) {
                    for (Signal s : d.onBusinessTime(e.getKey(), e.getValue(), asOf, settings)) {
                        if (signals.saveIfNew(em, s)) {
                            out.add(s);
                        }
                    }
                }
            }
            return true;
        });
        knownBusinessTime = known == null || date.isAfter(known) ? date : known;
        return out;
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

    private interface Work {
        boolean run(EntityManager em);
    }

    private boolean inTransaction(Work work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            boolean result = work.run(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    private void inTransaction(java.util.function.Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return true;
        });
    }
}
