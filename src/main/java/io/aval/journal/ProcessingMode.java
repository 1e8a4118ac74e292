package io.aval.journal;

/** How an interchange is processed once received. */
public enum ProcessingMode {
    /** Checked, translated and delivered: live traffic and ordinary imports. */
    DELIVER,
    /** Checked, parsed, journaled and tapped, never delivered: backfilling history from archives. */
    ARCHIVE
}
