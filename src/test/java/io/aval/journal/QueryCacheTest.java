package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.TestJournal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default database URL (config/application.properties) gives each H2 connection a cache of parsed
 * statements larger than the statements one message meets on its way: with H2's default of 8, most of
 * them were parsed again every time (README, Benchmark).
 */
class QueryCacheTest {

    @TempDir
    Path data;

    @Test
    void eachConnectionKeepsTheStatementsOfAMessageParsed() throws Exception {
        try (TestJournal store = TestJournal.open(data);
             Connection c = store.database().dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery(
                     "select setting_value from information_schema.settings where setting_name = 'QUERY_CACHE_SIZE'")) {
            assertThat(r.next()).as("H2 lists the setting").isTrue();
            assertThat(Integer.parseInt(r.getString(1))).isGreaterThanOrEqualTo(64);
        }
    }
}
