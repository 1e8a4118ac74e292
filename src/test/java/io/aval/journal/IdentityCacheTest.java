package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.TestJournal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every identity column of the H2 schema hands out its values from a large cache (migration V81): with
 * WRITE_DELAY=0 each write-back of an identity's next value is a commit that writes a chunk of the
 * database file. A table added later without the cache fails here.
 */
class IdentityCacheTest {

    @TempDir
    Path data;

    @Test
    void everyIdentityColumnHasALargeCache() throws Exception {
        Map<String, Long> caches = new LinkedHashMap<>();
        try (TestJournal store = TestJournal.open(data);
             Connection c = store.database().dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery("select table_name, identity_cache from information_schema.columns"
                     + " where table_schema = 'PUBLIC' and is_identity = 'YES' order by table_name")) {
            while (r.next()) {
                caches.put(r.getString(1).toLowerCase(java.util.Locale.ROOT), r.getLong(2));
            }
        }

        assertThat(caches).containsKeys("interchange", "message", "message_event", "account_event", "signal_notification");
        assertThat(caches).allSatisfy((table, cache) -> assertThat(cache).as(table).isGreaterThanOrEqualTo(10_000));
    }
}
