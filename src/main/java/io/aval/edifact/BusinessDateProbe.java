package io.aval.edifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The business date of a file, cheaply, for ordering an import: an EDIFACT interchange's first
 * DTM+137 (else its UNB date), a UBL document's IssueDate. Null when none can be read; such
 * files are imported first, where their quarantine is noticed soonest.
 */
public final class BusinessDateProbe {

    private static final java.util.regex.Pattern ISSUE_DATE =
            java.util.regex.Pattern.compile("<(?:\\w+:)?IssueDate>\\s*(\\d{4}-\\d{2}-\\d{2})\\s*<");

    private BusinessDateProbe() {
    }

    public static LocalDate dateOf(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (EnvelopeChecker.looksLikeEdifact(raw)) {
            CheckedInterchange checked = new EnvelopeChecker().check(raw);
            return checked.header() == null ? null : checked.businessDate();
        }
        String head = new String(raw, 0, Math.min(raw.length, 8192), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = ISSUE_DATE.matcher(head);
        return m.find() ? LocalDate.parse(m.group(1)) : null;
    }
}
