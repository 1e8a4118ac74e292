package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.Databases;
import io.aval.testing.TestGateway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL indexes no foreign key column by itself (H2 does): every foreign key of the migrated schema has an
 * index that starts with its column, so reading a row's children (an interchange's messages, an event's lines)
 * is never a scan of the whole child table.
 */
class ForeignKeyIndexesPostgresIT {

    @TempDir
    Path data;

    private String url;

    @AfterEach
    void drop() {
        if (url != null) {
            Databases.dropPostgres(url);
        }
    }

    @Test
    void everyForeignKeyColumnStartsAnIndex() throws Exception {
        url = Databases.freshPostgres();
        try (Database db = Database.open(TestGateway.postgresConfig(data, url), List.of());
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("""
                     select con.conrelid::regclass::text as child, att.attname as col
                     from pg_constraint con
                     join pg_attribute att on att.attrelid = con.conrelid and att.attnum = con.conkey[1]
                     where con.contype = 'f' and array_length(con.conkey, 1) = 1
                       and not exists (select 1 from pg_index i
                                       where i.indrelid = con.conrelid and i.indkey[0] = con.conkey[1])
                     order by 1, 2""")) {
            List<String> unindexed = new ArrayList<>();
            while (rs.next()) {
                unindexed.add(rs.getString("child") + "." + rs.getString("col"));
            }
            assertThat(unindexed).as("foreign key columns no index starts with").isEmpty();
        }
    }
}
