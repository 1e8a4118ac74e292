package io.aval.notify;

import io.aval.config.AvalConfig;
import io.aval.notify.AccountDirectory.Account;
import io.aval.notify.AccountDirectory.Rep;
import io.aval.notify.SignalNotification.Kind;
import io.aval.notify.internal.EmailComposer;
import io.aval.notify.internal.EmailComposer.Links;
import io.aval.notify.internal.EmailComposer.Section;
import io.aval.notify.internal.MailTexts;
import io.aval.notify.internal.MonthlyVolumes;
import io.aval.notify.internal.VolumeChart;
import io.aval.signal.Severity;
import io.aval.signal.Signal;
import io.aval.signal.SignalType;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends signals to the reps who own the accounts: a HIGH signal at once (an alert), everything else in
 * the rep's daily digest, grouped by account, most important first, at most
 * {@code aval.notify.digest.max-per-account} signals per account (the rest wait for the next digest).
 * The contact of the downstream function credited is in copy. A signal is sent once: the
 * {@link SignalNotification} row is claimed in the transaction that sends the email.
 *
 * <p>Nothing is kept in memory between calls, so any instance may run the timer; two instances racing
 * for the same signal collide on the unique key and only one sends.
 */
public final class RepNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(RepNotifier.class);

    /** Signals about ordered volume: their email shows the account's 24 months of orders. */
    private static final Set<SignalType> CHARTED = EnumSet.of(
            SignalType.VOLUME_DECLINE, SignalType.ORDER_SILENCE, SignalType.PRODUCT_DROPPED, SignalType.LARGE_ORDER);

    /** Most important first: severity, then the newest, then detection order. */
    static final Comparator<Signal> IMPORTANCE = Comparator.comparing(Signal::severity)
            .thenComparing(Signal::businessDate, Comparator.reverseOrder())
            .thenComparing(Signal::id);

    private final EntityManagerFactory emf;
    private final AccountDirectory accounts;
    private final MailDelivery mail;
    private final FeedbackTokens tokens;
    private final EmailComposer composer;
    private final MonthlyVolumes volumes;
    private final String publicUrl;
    private final int maxPerAccount;

    public RepNotifier(EntityManagerFactory emf, AccountDirectory accounts, MailDelivery mail, FeedbackTokens tokens,
                       String from, String publicUrl, int maxPerAccount) {
        this.emf = emf;
        this.accounts = accounts;
        this.mail = mail;
        this.tokens = tokens;
        this.composer = new EmailComposer(mail.session(), from);
        this.volumes = new MonthlyVolumes(emf);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (maxPerAccount < 1) {
            throw new IllegalStateException("aval.notify.digest.max-per-account must be at least 1");
        }
        this.maxPerAccount = maxPerAccount;
    }

    /** The notifier on the gateway's settings, {@code CONFIG/accounts.yaml} and database. */
    public static RepNotifier create(AvalConfig config, EntityManagerFactory emf) {
        return new RepNotifier(emf, AccountDirectory.load(config.configDir().resolve("accounts.yaml")),
                MailDelivery.from(config), FeedbackTokens.from(config),
                config.get("aval.mail.from", "aval@localhost"),
                config.get("aval.http.public-url", "http://localhost:" + config.get("aval.feedback.http.port", "8081")),
                config.getInt("aval.notify.digest.max-per-account", 10));
    }

    /** Sends every HIGH signal not sent yet, one email each; returns how many emails went out. */
    public synchronized int sendAlerts() {
        List<Signal> pending = pending("s.severity = :high", null);
        List<RuntimeException> failures = new ArrayList<>();
        int sent = 0;
        for (Signal s : pending) {
            Optional<Account> account = accounts.account(s.accountId());
            if (account.isEmpty()) {
                continue;
            }
            Rep rep = account.get().rep();
            MailTexts t = new MailTexts(rep.language());
            Set<String> copies = new LinkedHashSet<>();
            account.get().contact(s.function()).ifPresent(copies::add);
            List<Section> sections = List.of(new Section(account.get(), List.of(s), 0));
            try {
                if (deliver(List.of(s), rep, Kind.ALERT, s.businessDate(), () -> composer.compose(rep, copies,
                        t.alertSubject(account.get().name(), s.type()), t.alertIntro(), sections, this::links, this::chart))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        rethrow(failures);
        return sent;
    }

    /**
     * Sends the HIGH alerts still pending, then each rep's digest of the other signals of business dates
     * up to {@code businessDay} not sent yet; returns how many emails went out. Called by the daily timer
     * in run mode and once per business day during an import.
     */
    public synchronized int sendDigests(LocalDate businessDay) {
        int sent = sendAlerts();
        List<Signal> pending = pending("s.severity <> :high and s.businessDate <= :day", businessDay);
        Map<String, Map<Account, List<Signal>>> byRep = new LinkedHashMap<>();
        for (Signal s : pending) {
            accounts.account(s.accountId()).ifPresent(a -> byRep
                    .computeIfAbsent(a.rep().email().toLowerCase(java.util.Locale.ROOT), k -> new LinkedHashMap<>())
                    .computeIfAbsent(a, k -> new ArrayList<>()).add(s));
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (Map<Account, List<Signal>> repAccounts : byRep.values()) {
            List<Section> sections = new ArrayList<>();
            List<Signal> included = new ArrayList<>();
            Set<String> copies = new LinkedHashSet<>();
            for (Map.Entry<Account, List<Signal>> e : repAccounts.entrySet()) {
                List<Signal> sorted = new ArrayList<>(e.getValue());
                sorted.sort(IMPORTANCE);
                List<Signal> shown = sorted.subList(0, Math.min(maxPerAccount, sorted.size()));
                sections.add(new Section(e.getKey(), List.copyOf(shown), sorted.size() - shown.size()));
                included.addAll(shown);
                for (Signal s : shown) {
                    e.getKey().contact(s.function()).ifPresent(copies::add);
                }
            }
            sections.sort(Comparator.comparing((Section sec) -> sec.signals().get(0), IMPORTANCE)
                    .thenComparing(sec -> sec.account().id()));
            Rep rep = sections.get(0).account().rep();
            MailTexts t = new MailTexts(rep.language());
            try {
                if (deliver(included, rep, Kind.DIGEST, businessDay, () -> composer.compose(rep, copies,
                        t.digestSubject(businessDay.toString(), included.size()), t.digestIntro(), sections, this::links, this::chart))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        rethrow(failures);
        return sent;
    }

    /** The daily timer's entry point in run mode: the business day is today. */
    public int sendDigestsToday() {
        return sendDigests(LocalDate.now());
    }

    private List<Signal> pending(String condition, LocalDate day) {
        EntityManager em = emf.createEntityManager();
        try {
            var q = em.createQuery("select s from Signal s where " + condition
                    + " and not exists (select n.id from SignalNotification n where n.signalId = s.id)"
                    + " order by s.businessDate, s.id", Signal.class).setParameter("high", Severity.HIGH);
            if (day != null) {
                q.setParameter("day", day);
            }
            return q.getResultList();
        } finally {
            em.close();
        }
    }

    /**
     * Claims the signals and sends the email in one transaction: a failed send leaves them pending, and a
     * signal another instance claimed first is not sent again (false).
     */
    private boolean deliver(List<Signal> signals, Rep rep, Kind kind, LocalDate day, Supplier<MimeMessage> email) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Instant now = Instant.now();
            for (Signal s : signals) {
                em.persist(new SignalNotification(s.id(), s.accountId(), rep.email(), kind, day, now));
            }
            try {
                em.flush();
            } catch (PersistenceException claimed) {
                em.getTransaction().rollback();
                LOG.info("Signals {} already claimed by another sender", signals.stream().map(Signal::id).toList());
                return false;
            }
            mail.send(email.get());
            em.getTransaction().commit();
            LOG.info("{} with {} signal(s) sent to {}", kind, signals.size(), rep.email());
            return true;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            LOG.warn("{} to {} not sent, its signals stay pending: {}", kind, rep.email(), e.getMessage());
            throw e;
        } finally {
            em.close();
        }
    }

    private static void rethrow(List<RuntimeException> failures) {
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private Links links(Signal s) {
        return new Links(publicUrl + "/feedback?t=" + tokens.sign(s.id(), true),
                publicUrl + "/feedback?t=" + tokens.sign(s.id(), false));
    }

    private Optional<byte[]> chart(Signal s) {
        if (!CHARTED.contains(s.type())) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(s.businessDate());
        Map<YearMonth, BigDecimal> monthly = volumes.of(s.accountId(), month, 24);
        if (monthly.values().stream().allMatch(v -> v.signum() == 0)) {
            return Optional.empty();
        }
        Rep rep = accounts.account(s.accountId()).map(Account::rep).orElseThrow();
        MailTexts t = new MailTexts(rep.language());
        String name = accounts.account(s.accountId()).map(Account::name).orElse(s.accountId());
        return Optional.of(VolumeChart.png(monthly, month, name, t.chartSeries(), t.chartSignal()));
    }
}
