package io.aval.partner;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.util.UUID;

/** {@link ControlNumberSequence} on an H2 file database migrated by the production Flyway scripts. */
class ControlNumberSequenceTest extends ControlNumberSequenceContract {

    static String url;

    @BeforeAll
    static void migrate() {
        Path file = Path.of("target", "control-numbers-" + UUID.randomUUID()).toAbsolutePath();
        url = "jdbc:h2:file:" + file;
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/h2").load().migrate();
    }

    @Override
    HikariDataSource newPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }
}
