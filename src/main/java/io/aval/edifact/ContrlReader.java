package io.aval.edifact;

import io.aval.edifact.ContrlReport.Action;
import io.aval.edifact.ContrlReport.Finding;
import io.aval.edifact.ContrlReport.MessageReport;
import io.aval.edifact.TranslationException.Failure;
import io.aval.edifact.internal.EdifactTokenizer;
import io.aval.edifact.internal.Segment;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CONTRL received from a partner into {@link ContrlReport}s: which of our interchanges it acknowledges
 * (UCI 0020), the verdict and the findings per message. Works on the bytes directly because CONTRL is not in the
 * stock reader's schema packs. The text is decoded per UNB 0001 (UNOC as ISO-8859-1, UNOW/UNOY as UTF-8).
 * UCS carries no segment tag, so body findings come back with {@code segmentTag} null.
 */
public final class ContrlReader {

    /** The report of the first (usually only) CONTRL message in the interchange. */
    public ContrlReport read(byte[] interchange) {
        List<ContrlReport> all = readAll(interchange);
        if (all.isEmpty()) {
            throw unreadable("no CONTRL message in the interchange", null);
        }
        return all.get(0);
    }

    /** One report per CONTRL message (UNH…UNT) in the interchange. */
    public List<ContrlReport> readAll(byte[] interchange) {
        List<Segment> segments = EdifactTokenizer.segments(decode(interchange));
        Segment unb = segments.stream().filter(s -> "UNB".equals(s.tag())).findFirst()
                .orElseThrow(() -> unreadable("no UNB segment", null));
        String reference = unb.value(5, 1);
        List<ContrlReport> reports = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (!"UNH".equals(s.tag())) {
                continue;
            }
            if (!"CONTRL".equals(s.value(2, 1))) {
                throw unreadable("message " + s.value(1, 1) + " is " + s.value(2, 1) + ", not CONTRL", reference);
            }
            i = readMessage(segments, i + 1, unb, reports, reference);
        }
        return reports;
    }

    private int readMessage(List<Segment> segments, int i, Segment unb, List<ContrlReport> out, String reference) {
        Segment uci = null;
        List<MessageReport> messages = new ArrayList<>();
        MessageReport current = null;
        List<Finding> currentFindings = null;
        Integer ucsPosition = null;
        for (; i < segments.size(); i++) {
            Segment s = segments.get(i);
            switch (s.tag()) {
                case "UCI" -> uci = s;
                case "UCM" -> {
                    if (current != null) {
                        messages.add(withFindings(current, currentFindings));
                    }
                    currentFindings = new ArrayList<>();
                    headline(s, currentFindings);
                    current = new MessageReport(s.value(1, 1), blank(s.value(2, 1)), blank(s.value(2, 2)),
                            blank(s.value(2, 3)), blank(s.value(2, 4)), blank(s.value(2, 5)), action(s.value(3, 1), reference),
                            List.of());
                }
                case "UCS" -> {
                    ucsPosition = integer(s.value(1, 1));
                    if (!s.value(2, 1).isEmpty() && currentFindings != null) {
                        currentFindings.add(Finding.inBody(SyntaxErrorCode.fromCode(s.value(2, 1)), ucsPosition, null, null, null));
                    }
                }
                case "UCD" -> {
                    if (currentFindings != null && ucsPosition != null) {
                        currentFindings.add(Finding.inBody(SyntaxErrorCode.fromCode(s.value(1, 1)), ucsPosition, null,
                                integer(s.value(2, 1)), integer(s.value(2, 2))));
                    }
                }
                case "UNT" -> {
                    if (current != null) {
                        messages.add(withFindings(current, currentFindings));
                    }
                    if (uci == null) {
                        throw unreadable("CONTRL without UCI", reference);
                    }
                    List<Finding> findings = new ArrayList<>();
                    headline(uci, findings);
                    out.add(new ContrlReport(uci.value(2, 1), blank(uci.value(2, 2)), uci.value(3, 1), blank(uci.value(3, 2)),
                            uci.value(1, 1), unb.value(1, 1), integer(unb.value(1, 2)) == null ? 3 : integer(unb.value(1, 2)),
                            action(uci.value(4, 1), reference), findings, messages));
                    return i;
                }
                default -> { }
            }
        }
        throw unreadable("CONTRL message without UNT", reference);
    }

    /** The error carried by UCI/UCM themselves: 0085 at element 5 (UCI) or 4 (UCM), then 0135 and S011. */
    private static void headline(Segment s, List<Finding> out) {
        int at = "UCI".equals(s.tag()) ? 5 : 4;
        String code = s.value(at, 1);
        if (!code.isEmpty()) {
            out.add(new Finding(SyntaxErrorCode.fromCode(code), null, blank(s.value(at + 1, 1)),
                    integer(s.value(at + 2, 1)), integer(s.value(at + 2, 2))));
        }
    }

    private static MessageReport withFindings(MessageReport m, List<Finding> findings) {
        return new MessageReport(m.messageReference(), m.messageType(), m.version(), m.release(), m.agency(),
                m.association(), m.action(), findings);
    }

    private static Action action(String code, String reference) {
        try {
            return Action.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw unreadable(e.getMessage(), reference);
        }
    }

    private static String decode(byte[] bytes) {
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int unb = latin.indexOf("UNB");
        Charset charset = StandardCharsets.ISO_8859_1;
        if (unb >= 0 && latin.length() >= unb + 8) {
            SyntaxCharset declared = SyntaxCharset.fromCode(latin.substring(unb + 4, unb + 8));
            if (declared != null) {
                charset = declared.encoding();
            }
        }
        return new String(bytes, charset);
    }

    private static Integer integer(String v) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    private static TranslationException unreadable(String message, String reference) {
        return new TranslationException(Failure.UNREADABLE_CONTRL, message, reference, null);
    }
}
