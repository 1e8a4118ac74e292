package io.aval.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests: a fresh H2 file under a temp folder, or a fresh PostgreSQL database on
 * 127.0.0.1:5432 (trust auth). Without PostgreSQL the test is skipped on a developer machine and
 * fails in CI (CI=true), so a missing server can never pass for green.
 */
public final class Databases {

    public static final String PG_HOST = System.getProperty("aval.test.pg", "127.0.0.1:5432");

    private Databases() {
    }

    /** Creates an empty PostgreSQL database and returns its JDBC URL. */
    public static String freshPostgres() {
        String admin = "jdbc:postgresql://" + PG_HOST + "/test";
        String name = "aval_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + admin + " as postgres: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + " — CI must provide it", e);
            }
            Assumptions.abort(why);
        }
        return "jdbc:postgresql://" + PG_HOST + "/" + name;
    }

    /** Drops a database made by {@link #freshPostgres()}. */
    public static void dropPostgres(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/test", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // left behind: harmless, and named so it is recognisable
        }
    }
}
