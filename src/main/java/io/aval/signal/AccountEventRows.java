package io.aval.signal;

import io.aval.signal.internal.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes account events and their lines as {@link AccountEventRecord} maps them, in two JDBC batches per run of
 * events: one insert for the events (their generated ids read back in order), one for all their lines. Persisting
 * each record through Hibernate ran one insert per event and one per line as they came, each a round trip for its
 * identity (17 % of the tap's thread in a bench profile). The entities stay the way the history is read.
 */
final class AccountEventRows {

    private AccountEventRows() {
    }

    /** Inserts {@code events} in this order; returns their ids, in the same order. */
    static List<Long> insert(Connection c, List<AccountEvent> events) throws SQLException {
        List<Long> ids = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return ids;
        }
        try (PreparedStatement insert = c.prepareStatement("insert into account_event (account_id, business_date, message_type, "
                + "direction, document_number, document_code, order_ref, journal_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            for (AccountEvent e : events) {
                insert.setString(1, e.accountId());
                insert.setObject(2, e.businessDate());
                insert.setString(3, e.messageType());
                insert.setString(4, e.direction().name());
                insert.setString(5, e.documentNumber());
                insert.setString(6, e.documentCode());
                insert.setString(7, AccountEventRecord.orderRefOf(e));
                insert.setString(8, e.journalId());
                insert.setString(9, Json.write(e));
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        if (ids.size() != events.size()) {
            throw new SQLException("account_event: " + events.size() + " rows inserted but " + ids.size() + " ids returned");
        }
        try (PreparedStatement lines = c.prepareStatement("insert into account_event_line (event_id, line_index, line_number, "
                + "product_id, quantity, unit_price, line_amount) values (?, ?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < events.size(); i++) {
                List<AccountEvent.Line> of = events.get(i).lines();
                for (int index = 0; index < of.size(); index++) {
                    AccountEvent.Line l = of.get(index);
                    lines.setLong(1, ids.get(i));
                    lines.setInt(2, index);
                    lines.setString(3, l.lineNumber());
                    lines.setString(4, l.productId());
                    lines.setObject(5, l.quantity(), Types.NUMERIC);
                    lines.setObject(6, l.unitPrice(), Types.NUMERIC);
                    lines.setObject(7, l.lineAmount(), Types.NUMERIC);
                    lines.addBatch();
                    any = true;
                }
            }
            if (any) {
                lines.executeBatch();
            }
        }
        return ids;
    }
}
