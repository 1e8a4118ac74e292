package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.TestJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordinary messages and interchanges are kept in their rows, not in H2's LOB storage (migration V82):
 * the setting is there after migration, and raw texts below and above the limit (600 and 70,000
 * characters) read back from a database that was closed and opened again.
 */
class InplaceLobTest {

    @TempDir
    Path data;

    @Test
    void smallLobsStayInTheirRows() throws Exception {
        try (TestJournal store = TestJournal.open(data);
             Connection c = store.database().dataSource().getConnection();
             ResultSet r = c.createStatement().executeQuery("select setting_value from information_schema.settings"
                     + " where setting_name = 'MAX_LENGTH_INPLACE_LOB'")) {
            assertThat(r.next()).isTrue();
            assertThat(Integer.parseInt(r.getString(1))).isGreaterThanOrEqualTo(65536);
        }
    }

    @Test
    void rawTextOnEitherSideOfTheLimitReadsBackAfterARestart() {
        String small = "UNH+1+ORDERS:D:96A:UN'" + "FTX+AAI+++" + "x".repeat(600) + "'";
        String large = "UNH+2+ORDERS:D:96A:UN'" + "FTX+AAI+++" + "y".repeat(70_000) + "'";
        List<Long> ids;
        try (TestJournal store = TestJournal.open(data)) {
            Journal journal = store.journal();
            long interchange = journal.recordReceived("UNB+UNOC:3+A:14+B:14+261127:0300+LOB1'".getBytes(StandardCharsets.ISO_8859_1),
                    "test", "lob.edi", ProcessingMode.DELIVER);
            ids = journal.addMessages(List.of(
                    new Journal.NewMessage(interchange, 1, "acme", Direction.INBOUND, "ORDERS", "D96A", "LOB1", "1", "PO-1", null,
                            MessageStatus.ACCEPTED, null, small),
                    new Journal.NewMessage(interchange, 2, "acme", Direction.INBOUND, "ORDERS", "D96A", "LOB1", "2", "PO-2", null,
                            MessageStatus.ACCEPTED, null, large)));
        }
        try (TestJournal store = TestJournal.open(data)) {
            assertThat(store.journal().message(ids.get(0)).rawText()).isEqualTo(small);
            assertThat(store.journal().message(ids.get(1)).rawText()).isEqualTo(large);
        }
    }
}
