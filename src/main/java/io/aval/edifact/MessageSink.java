package io.aval.edifact;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where the envelope checks put each message as soon as its end is known. */
abstract class MessageSink {

    private int count;

    final void add(ScanText text, MessageSlice m) {
        count++;
        accept(text, m);
    }

    final int count() {
        return count;
    }

    /** The interchange header, read before any message; its text is still in {@code text}. */
    void header(ScanText text, InterchangeHeader header) {
    }

    abstract void accept(ScanText text, MessageSlice m);

    abstract CheckedInterchange result(Charset charset, Separators separators, boolean hasUna, InterchangeHeader header,
                                       List<Finding> findings);

    /** Every message kept, with the whole text: the interchange was small enough to hold. */
    static MessageSink keepingAll(String text) {
        return new MessageSink() {
            private final List<MessageSlice> messages = new ArrayList<>();

            @Override
            void accept(ScanText t, MessageSlice m) {
                messages.add(m);
            }

            @Override
            CheckedInterchange result(Charset charset, Separators separators, boolean hasUna, InterchangeHeader header,
                                      List<Finding> findings) {
                return new CheckedInterchange(charset, text, separators, hasUna, header, messages, findings);
            }
        };
    }

    /** Each message handed to a visitor while its text is in the window; only those with findings are kept. */
    static final class Streamed extends MessageSink {
        private final Separators separators;
        private final EnvelopeScan.Visitor visitor;
        private final List<MessageSlice> flagged = new ArrayList<>();
        private final Set<String> types = new LinkedHashSet<>();
        private InterchangeHeader header;
        private String unb;
        private LocalDate firstDocumentDate;

        Streamed(Separators separators, EnvelopeScan.Visitor visitor) {
            this.separators = separators;
            this.visitor = visitor;
        }

        @Override
        void header(ScanText text, InterchangeHeader h) {
            header = h;
            unb = text.slice(h.segment().start(), h.segment().end());
        }

        @Override
        void accept(ScanText text, MessageSlice m) {
            types.add(m.type());
            if (firstDocumentDate == null) {
                firstDocumentDate = m.documentDate();
            }
            if (!m.findings().isEmpty()) {
                flagged.add(m);
            }
            if (visitor != null) {
                visitor.message(m, CheckedInterchange.standalone(separators, header, unb, text.slice(m.start(), m.end())));
            }
        }

        @Override
        CheckedInterchange result(Charset charset, Separators separators, boolean hasUna, InterchangeHeader h,
                                  List<Finding> findings) {
            return new CheckedInterchange(charset, "", separators, hasUna, h, List.copyOf(flagged), findings);
        }

        /** The verdict: as {@link CheckedInterchange#businessDate()} says, from what was seen on the way. */
        EnvelopeScan scan(CheckedInterchange checked) {
            LocalDate date = firstDocumentDate != null || header == null ? firstDocumentDate : EdifactDates.parseUnbDate(header.date());
            return new EnvelopeScan(checked, count(), List.copyOf(types), date);
        }
    }
}
