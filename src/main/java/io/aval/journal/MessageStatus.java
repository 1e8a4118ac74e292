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
    DUPLICATE(true);

    private final boolean terminal;

    MessageStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}
