package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.TestJournal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two indexes of an H2 table on the same columns in the same order (migration V92): with WRITE_DELAY=0 every
 * commit writes each changed page of every index it touched, so a twin doubles that part of the writing for
 * nothing. H2 makes an index for every foreign key by itself; an index created beside it on the same column is
 * such a twin. A migration that adds one fails here.
 *
 * <p>A unique constraint and a foreign key on the same column (acknowledgement.message_id, signal_feedback.signal_id,
 * signal_notification.signal_id) also have an index each; they are left as they are: the foreign key's index goes only
 * with the foreign key, which H2 named itself, and no import writes those tables.
 */
class DuplicateIndexTest {

    @TempDir
    Path data;

    @Test
    void noTableHasTwoIndexesOnTheSameColumns() throws Exception {
        // table -> index -> its columns in order
        Map<String, Map<String, List<String>>> indexes = new TreeMap<>();
        try (TestJournal store = TestJournal.open(data);
             Connection c = store.database().dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery("select table_name, index_name, column_name from information_schema.index_columns"
                     + " where table_schema = 'PUBLIC' order by table_name, index_name, ordinal_position")) {
            while (r.next()) {
                indexes.computeIfAbsent(r.getString(1), t -> new TreeMap<>())
                        .computeIfAbsent(r.getString(2), i -> new ArrayList<>()).add(r.getString(3));
            }
            try (ResultSet u = c.createStatement().executeQuery("select table_name, index_name from information_schema.indexes"
                    + " where table_schema = 'PUBLIC' and index_type_name <> 'INDEX'")) {
                while (u.next()) {
                    // a unique or primary key index stays; only the plain ones are held to this
                    indexes.get(u.getString(1)).remove(u.getString(2));
                }
            }
        }

        assertThat(indexes).containsKeys("MESSAGE", "ACCOUNT_EVENT", "ACCOUNT_EVENT_LINE");
        assertThat(indexes.get("ACCOUNT_EVENT_LINE").values()).contains(List.of("EVENT_ID"));
        List<String> twins = new ArrayList<>();
        indexes.forEach((table, byName) -> {
            Map<List<String>, String> first = new java.util.HashMap<>();
            byName.forEach((index, columns) -> {
                String other = first.putIfAbsent(columns, index);
                if (other != null) {
                    twins.add(table + ": " + other + " and " + index + " on " + columns);
                }
            });
        });
        assertThat(twins).isEmpty();
    }
}
