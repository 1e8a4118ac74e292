package io.aval.edifact;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An interchange after the envelope checks: decoded text, separators, header, messages and the
 * findings that concern the interchange as a whole. Partner and duplicate checks come after.
 */
public record CheckedInterchange(Charset charset, String text, Separators separators, boolean hasUna,
                                 InterchangeHeader header, List<MessageSlice> messages, List<Finding> findings) {

    public boolean acceptable() {
        return findings.isEmpty();
    }

    public Optional<Finding> firstFinding() {
        return findings.stream().findFirst();
    }

    /**
     * The message as an interchange of its own (UNA, UNB, the message, UNZ+1), which is what the
     * Smooks readers take. Syntax version 2 is presented as 3: the stock reader refuses version 2
     * although the segment layout the messages use is the same.
     */
    public String standalone(MessageSlice m) {
        return standalone(separators, header, text.substring(header.segment().start(), header.segment().end()),
                text.substring(m.start(), m.end()));
    }

    /** {@link #standalone(MessageSlice)} from the UNB's and the message's text as sent. */
    static String standalone(Separators separators, InterchangeHeader header, String unb, String message) {
        if ("2".equals(header.syntaxVersion())) {
            // literal text, not a pattern: the identifier comes from the partner's bytes
            String v2 = header.syntaxId() + separators.component() + "2";
            int at = unb.indexOf(v2);
            if (at >= 0) {
                unb = unb.substring(0, at) + header.syntaxId() + separators.component() + "3" + unb.substring(at + v2.length());
            }
        }
        return separators.una() + unb + message
                + "UNZ" + separators.element() + "1" + separators.element() + escape(separators, header.controlRef())
                + separators.terminator();
    }

    private static String escape(Separators separators, String value) {
        StringBuilder s = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (separators.isService(c)) {
                s.append(separators.release());
            }
            s.append(c);
        }
        return s.toString();
    }

    /** The business date of the interchange: its first message's document date, else the UNB date. */
    public LocalDate businessDate() {
        for (MessageSlice m : messages) {
            if (m.documentDate() != null) {
                return m.documentDate();
            }
        }
        return header == null ? null : EdifactDates.parseUnbDate(header.date());
    }
}
