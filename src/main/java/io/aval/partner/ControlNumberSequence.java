package io.aval.partner;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Hands out interchange control references (UNB/UNZ 0020) per partner: strictly increasing and never reused,
 * across threads, restarts and several Aval instances sharing the database. The database does the ordering:
 * one short transaction {@code UPDATE … SET last_value = last_value + 1} (which takes the row lock until commit),
 * then reads the value back; the first number for a key is inserted, and a concurrent first insert that loses
 * the race simply retries. No number is cached in memory, so a crash can at worst leave a gap, never a repeat.
 *
 * <p>Plain JDBC over a {@link DataSource} (the same pool Hibernate uses is fine): the table is created by the
 * Flyway migrations {@code db/migration/{h2,postgresql}/V20__control_numbers.sql}. There are no JPA entities.</p>
 */
public final class ControlNumberSequence {

    /** Entity classes to register with Hibernate: none, the sequence is JDBC only. */
    public static final List<Class<?>> ENTITY_CLASSES = List.of();

    /** Largest value that still fits the 14 characters of UNB 0020 as digits. */
    public static final long MAX_VALUE = 99_999_999_999_999L;

    private static final int MAX_ATTEMPTS = 20;
    /** Unique violation (first insert race), serialization failure, deadlock, H2 lock timeout. */
    private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01", "HYT00");

    private final DataSource dataSource;

    public ControlNumberSequence(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The next number for {@code sequenceKey} (1 for a new key). Use one key per partner and direction, e.g.
     * {@code "out:14:5412345000013"} (recipient qualifier and id); CONTRL interchanges to that partner share it.
     */
    public long next(String sequenceKey) {
        if (sequenceKey == null || sequenceKey.isBlank() || sequenceKey.length() > 120) {
            throw new IllegalArgumentException("sequence key must be 1..120 characters: " + sequenceKey);
        }
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return nextOnce(sequenceKey);
            } catch (SQLException e) {
                if (!RETRYABLE.contains(e.getSQLState())) {
                    throw new ControlNumberException("cannot allocate a control number for " + sequenceKey, e);
                }
                last = e;
            }
        }
        throw new ControlNumberException("gave up allocating a control number for " + sequenceKey
                + " after " + MAX_ATTEMPTS + " attempts", last);
    }

    /** {@link #next} as the 14-digit, zero-padded UNB 0020 text, e.g. {@code 00000000000042}. */
    public String nextReference(String sequenceKey) {
        return String.format("%014d", next(sequenceKey));
    }

    private long nextOnce(String key) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long value = incrementOrInsert(c, key);
                if (value > MAX_VALUE) {
                    throw new ControlNumberException("control number sequence " + key + " is exhausted", null);
                }
                c.commit();
                return value;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static long incrementOrInsert(Connection c, String key) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE aval_control_number SET last_value = last_value + 1, updated_at = CURRENT_TIMESTAMP WHERE sequence_key = ?")) {
            up.setString(1, key);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO aval_control_number (sequence_key, last_value) VALUES (?, 1)")) {
                    ins.setString(1, key);
                    ins.executeUpdate();
                    return 1L;
                }
            }
        }
        try (PreparedStatement sel = c.prepareStatement("SELECT last_value FROM aval_control_number WHERE sequence_key = ?")) {
            sel.setString(1, key);
            try (ResultSet rs = sel.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A control number could not be allocated (database unavailable, sequence exhausted). Nothing was sent. */
    public static final class ControlNumberException extends RuntimeException {
        public ControlNumberException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
