package io.aval.edifact;

import java.time.LocalDate;
import java.util.List;

/**
 * One message (UNH..UNT) of a checked interchange: its identification, where its text lies,
 * the document number and date read from BGM/DTM+137, and the findings that concern it alone.
 */
public record MessageSlice(int seq, String reference, String type, String version, String release, String agency,
                           String associationCode, int firstSegment, int segmentCount, int start, int end,
                           String documentNumber, String documentFunction, LocalDate documentDate,
                           List<Finding> findings) {

    /** The directory, e.g. "D96A" from version D and release 96A. */
    public String directory() {
        return (version == null ? "" : version) + (release == null ? "" : release);
    }

    public boolean acceptable() {
        return findings.isEmpty();
    }
}
