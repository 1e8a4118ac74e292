package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.config.AvalConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 settings that the shipped configuration's {@code aval.db.url} sets, as the opened database reports
 * them: each commit written at once (README "Exactly once") and a statement cache large enough that a
 * pipeline connection does not parse its statements again and again.
 */
class ShippedH2SettingsTest {

    @TempDir
    Path data;

    @Test
    void theShippedUrlWritesEachCommitAndCachesStatements() throws Exception {
        AvalConfig config = AvalConfig.load(Path.of("config"), data);
        Map<String, String> settings = new HashMap<>();
        try (Database db = Database.open(config, List.of());
             Connection c = db.dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery("select setting_name, setting_value from information_schema.settings")) {
            while (r.next()) {
                settings.put(r.getString(1), r.getString(2));
            }
        }

        assertThat(settings).containsEntry("WRITE_DELAY", "0").containsEntry("QUERY_CACHE_SIZE", "64");
    }
}
