package io.aval.journal;

/** Filters for {@link Journal#entries}; null means "any". */
public record JournalQuery(String status, String partner, Direction direction) {

    public static JournalQuery all() {
        return new JournalQuery(null, null, null);
    }

    boolean matches(JournalEntry e) {
        return (status == null || status.equalsIgnoreCase(e.status()))
                && (partner == null || partner.equalsIgnoreCase(e.partner()))
                && (direction == null || direction == e.direction());
    }
}
