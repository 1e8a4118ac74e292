package io.aval.signal.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** EDIFACT date/time format codes (2379) that carry a calendar date. */
public final class EdifactDates {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private EdifactDates() {
    }

    /** Parses 102/203/204/718 (CCYYMMDD…) and 101 (YYMMDD); null for anything else or unparsable. */
    public static LocalDate parse(String value, String format) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            if ("101".equals(format) && v.length() >= 6) {
                return LocalDate.parse("20" + v.substring(0, 6), BASIC);
            }
            if (v.length() >= 8 && (format == null || format.equals("102") || format.equals("203")
                    || format.equals("204") || format.equals("718"))) {
                return LocalDate.parse(v.substring(0, 8), BASIC);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
