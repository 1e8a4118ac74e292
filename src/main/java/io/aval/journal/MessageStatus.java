package io.aval.journal;

/** States of one message (UNH..UNT, or one XML document). */
public enum MessageStatus {
    /** Envelope checks passed; waiting for parse and mapping. */
    ACCEPTED(false),
    /** Translated and handed to its destination. */
    DELIVERED(true),
    /** Recorded and tapped from an archive; never delivered. */
    ARCHIVED(true),
    /** Stopped with a reason; kept for the integration team. */
    QUARANTINED(true),
    /** Part of a duplicate interchange; not processed again. */
    DUPLICATE(true),
    /** Its interchange was quarantined as a whole and re-run as a new journal entry (./aval quarantine reprocess). */
    REPROCESSED(true),
    /** Taken out of quarantine by a person, with a reason; kept in the journal, never processed. */
    DISCARDED(true);

    private final boolean terminal;

    MessageStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}
