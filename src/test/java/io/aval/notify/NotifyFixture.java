package io.aval.notify;

import io.aval.config.AvalConfig;
import io.aval.journal.Database;
import io.aval.notify.AccountDirectory.Account;
import io.aval.notify.AccountDirectory.Language;
import io.aval.notify.AccountDirectory.Rep;
import io.aval.signal.DownstreamFunction;
import io.aval.signal.Severity;
import io.aval.signal.Signal;
import io.aval.signal.SignalEntities;
import io.aval.signal.SignalType;
import io.aval.testing.TestGateway;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An in-memory H2 database migrated by the real Flyway scripts, three accounts with their teams, and
 * signals and order history written straight into the signal tables (no EDIFACT parsing).
 */
final class NotifyFixture implements AutoCloseable {

    static final String CLAIRE = "claire.martin@fournisseur.example";
    static final String JOHN = "john.smith@supplier.example";

    final Path data;
    final AvalConfig config;
    final Database db;

    NotifyFixture(Path data) {
        this(data, TestGateway.config(data).with("aval.db.url", "jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }

    /** On the database the config names (PostgreSQL tests). */
    NotifyFixture(Path data, AvalConfig config) {
        this.data = data;
        this.config = config.with("aval.feedback.secret", "test-secret-of-at-least-16-bytes");
        List<Class<?>> entities = new ArrayList<>(SignalEntities.CLASSES);
        entities.addAll(NotifyEntities.CLASSES);
        this.db = Database.open(config, entities);
    }

    /** ACME and BRICO belong to Claire (French), NORD to John (English). */
    static AccountDirectory accounts() {
        return new AccountDirectory(List.of(
                new Account("ACME", "Acme Distribution", new Rep("Claire Martin", CLAIRE, Language.FR), contacts("acme")),
                new Account("BRICO", "Brico Plus", new Rep("Claire Martin", CLAIRE, Language.FR), contacts("brico")),
                new Account("NORD", "Nord Industrie", new Rep("John Smith", JOHN, Language.EN), contacts("nord"))));
    }

    static Map<DownstreamFunction, String> contacts(String account) {
        Map<DownstreamFunction, String> m = new EnumMap<>(DownstreamFunction.class);
        m.put(DownstreamFunction.ADV, "adv." + account + "@fournisseur.example");
        m.put(DownstreamFunction.LOGISTICS, "logistique." + account + "@fournisseur.example");
        m.put(DownstreamFunction.SAV, "sav." + account + "@fournisseur.example");
        return m;
    }

    Signal signal(String account, SignalType type, Severity severity, LocalDate date, String summary) {
        Signal s = new Signal(type, account, severity, date, type.defaultFunction(), summary,
                Map.of("orderedQuantity", 1200, "baselineQuantity", 400), type + "|" + account + "|" + UUID.randomUUID(),
                "PO-" + date.toString().replace("-", ""), null);
        EntityManager em = db.entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(s);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        return s;
    }

    /** One order of the account on that date with one line of that quantity. */
    void order(String account, LocalDate date, int quantity) {
        try (Connection c = db.dataSource().getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into account_event (account_id, business_date, message_type, "
                    + "direction, document_number, payload) values (?, ?, 'ORDERS', 'INBOUND', ?, '{}')", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, account);
                ps.setObject(2, date);
                ps.setString(3, "PO-" + date);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into account_event_line (event_id, line_index, product_id, quantity) values (?, 0, 'P1', ?)")) {
                ps.setLong(1, id);
                ps.setBigDecimal(2, BigDecimal.valueOf(quantity));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties every table the tests write, between tests. */
    void clear() {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("signal_feedback", "signal_notification", "account_signal", "account_event_line", "account_event",
                    "account_history_stamp")) {
                s.executeUpdate("delete from " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
