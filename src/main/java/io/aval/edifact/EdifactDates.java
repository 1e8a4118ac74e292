package io.aval.edifact;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** EDIFACT date formats (2379 qualifiers) and the UNB date of each syntax version. */
public final class EdifactDates {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private EdifactDates() {
    }

    /** DTM C507 value with its format qualifier 2379 (102, 203, 101, 204); null when unreadable. */
    public static LocalDate parse(String value, String format) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return switch (format == null || format.isBlank() ? "102" : format) {
                case "102", "203", "204", "205" -> value.length() >= 8 ? LocalDate.parse(value.substring(0, 8), CCYYMMDD) : null;
                case "101", "201" -> value.length() >= 6 ? LocalDate.parse(value.substring(0, 6), YYMMDD) : null;
                default -> null;
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** UNB 0017: YYMMDD (syntax 1-3) or CCYYMMDD (syntax 4). */
    public static LocalDate parseUnbDate(String value) {
        if (value == null) {
            return null;
        }
        return parse(value, value.length() == 8 ? "102" : "101");
    }
}
