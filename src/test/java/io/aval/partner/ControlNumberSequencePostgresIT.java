package io.aval.partner;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link ControlNumberSequence} on PostgreSQL (127.0.0.1:5432, database {@code test}, user postgres), in a schema of
 * its own so that the lead's migrations in {@code public} are not disturbed. Skipped when the server is not
 * reachable, except with {@code CI=true}, where it fails.
 */
class ControlNumberSequencePostgresIT extends ControlNumberSequenceContract {

    static final String BASE_URL = System.getProperty("aval.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String SCHEMA = "aval_control_number_it";

    @BeforeAll
    static void migrate() throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("PostgreSQL not reachable at " + BASE_URL + ": " + e.getMessage());
        }
        Flyway.configure().dataSource(BASE_URL, "postgres", "").schemas(SCHEMA)
                .locations("classpath:db/migration/postgresql").load().migrate();
    }

    @Override
    HikariDataSource newPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(BASE_URL + "?currentSchema=" + SCHEMA);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }
}
