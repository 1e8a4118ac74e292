package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.flywaydb.core.Flyway;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

import jakarta.persistence.EntityManagerFactory;

/**
 * The PostgreSQL migration matches the entities (Hibernate validates) and the engine stores and dedups
 * signals there. Runs in a throw-away schema of the local test database; skipped when PostgreSQL is not
 * reachable unless {@code -Dpg.required=true}.
 */
class SignalStorePostgresIT {

    private static final String URL = System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/test");

    @Test
    void migratesValidatesAndDedupsOnPostgres() throws Exception {
        boolean up;
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            up = c.isValid(2);
        } catch (Exception e) {
            up = false;
        }
        assumeTrue(up || Boolean.getBoolean("pg.required"), "PostgreSQL not reachable at " + URL);
        String schema = "signals_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Flyway.configure().dataSource(URL, "postgres", "").schemas(schema).createSchemas(true)
                .locations("classpath:db/migration/postgresql").load().migrate();
        // the schema as a deployment chooses it, in the URL: the store's plain JDBC statements name their tables unqualified
        HibernatePersistenceConfiguration cfg = new HibernatePersistenceConfiguration("signals-pg")
                .jdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema).jdbcCredentials("postgres", "")
                .property("hibernate.hbm2ddl.auto", "validate");
        SignalEntities.CLASSES.forEach(cfg::managedClass);
        try (EntityManagerFactory emf = cfg.createEntityManagerFactory()) {
            SignalEngine engine = new SignalEngine(emf, SignalSettings.defaults());
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            AccountEvent invoice;
            try (InputStream in = getClass().getResourceAsStream("/signal/samples/ubl/invoice-FA-2026-10022.xml")) {
                invoice = new UblAccountEventExtractor().extract(f.newDocumentBuilder().parse(in), "ACME",
                        Direction.OUTBOUND, "J1");
            }
            AccountEvent creditNote = new AccountEvent("ACME", invoice.businessDate().plusDays(3), "INVOIC",
                    Direction.OUTBOUND, "AV-1", "381", java.util.Map.of("IV", invoice.documentNumber()), null, null,
                    List.of(), invoice.lines(), invoice.totals(), List.of("Pieces abimees"), List.of(), List.of(), "J2");
            engine.accept(invoice);
            engine.accept(creditNote);
            engine.accept(creditNote);
            assertThat(engine.signals().list("ACME", SignalType.DISPUTE)).hasSize(1);
            assertThat(engine.signals().list()).extracting(Signal::type).contains(SignalType.DISPUTE);
            assertThat(engine.history().load("ACME").events()).hasSize(2);
            assertThat(engine.businessTime()).contains(creditNote.businessDate());
        } finally {
            try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement st = c.createStatement()) {
                st.execute("drop schema " + schema + " cascade");
            }
        }
    }
}
