package io.aval.journal;

/** States of a received interchange. */
public enum InterchangeStatus {
    /** Raw bytes journaled, not yet checked. */
    RECEIVED(false),
    /** Envelope checks passed; its messages carry on one by one. */
    ACCEPTED(true),
    /** Rejected as a whole; the reason says why, the raw bytes are kept. */
    QUARANTINED(true),
    /** Same sender, recipient and control reference as an interchange already accepted. */
    DUPLICATE(true),
    /** Was quarantined; its raw bytes were re-run as a new, linked interchange (./aval quarantine reprocess). */
    REPROCESSED(true),
    /** Was quarantined; taken out of quarantine by a person, with a reason. Kept, never processed. */
    DISCARDED(true);

    private final boolean settled;

    InterchangeStatus(boolean settled) {
        this.settled = settled;
    }

    /** True once the interchange itself needs no more work (its messages may still be under way). */
    public boolean settled() {
        return settled;
    }
}
