package io.aval.edifact;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits decoded EDIFACT text into segments, honouring the release character. Line breaks and
 * blanks between segments are tolerated (many partners write one segment per line); anything
 * else is handed on as it stands for the envelope checks to judge.
 */
final class SegmentLexer {

    private final ScanText text;
    private final Separators separators;
    private final int maxSegmentLength;
    private int pos;
    private int position;

    SegmentLexer(String text, Separators separators, int start) {
        this(ScanText.of(text), separators, start, Integer.MAX_VALUE);
    }

    /** As above; a segment longer than {@code maxSegmentLength} characters stops the lexer with {@link SegmentTooLongException}. */
    SegmentLexer(ScanText text, Separators separators, int start, int maxSegmentLength) {
        this.text = text;
        this.separators = separators;
        this.pos = start;
        this.maxSegmentLength = maxSegmentLength;
    }

    /**
     * Next segment, or null at the end of the text. Bytes that cannot be read (streamed text only)
     * stop it with {@link UnreadableSegmentException}, naming the segment they are in.
     */
    Segment next() throws UnterminatedSegmentException, SegmentTooLongException, UnreadableSegmentException {
        try {
            skipLayout();
        } catch (ScanText.UnreadableBytes e) {
            throw new UnreadableSegmentException(e, 0, null);
        }
        if (!text.has(pos)) {
            return null;
        }
        int start = pos;
        List<List<String>> elements = new ArrayList<>();
        List<String> components = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        String tag = null;
        char rel = separators.release();
        long limit = (long) start + maxSegmentLength + 1;
        try {
            while (text.has(pos)) {
                if (pos >= limit) {
                    throw new SegmentTooLongException(position + 1, tag == null ? abbreviate(value.toString()) : tag, maxSegmentLength);
                }
                char c = text.at(pos++);
                if (c == rel && text.has(pos)) {
                    value.append(text.at(pos++));
                } else if (c == separators.terminator()) {
                    components.add(value.toString());
                    if (tag == null) {
                        tag = components.get(0);
                    } else {
                        elements.add(components);
                    }
                    position++;
                    return new Segment(tag.trim(), elements, position, start, pos);
                } else if (c == separators.element()) {
                    components.add(value.toString());
                    value.setLength(0);
                    if (tag == null) {
                        tag = components.get(0);
                    } else {
                        elements.add(components);
                    }
                    components = new ArrayList<>();
                } else if (c == separators.component()) {
                    components.add(value.toString());
                    value.setLength(0);
                } else {
                    value.append(c);
                }
            }
        } catch (ScanText.UnreadableBytes e) {
            throw new UnreadableSegmentException(e, position + 1, tag == null ? value.toString() : tag);
        }
        throw new UnterminatedSegmentException(position + 1, tag == null ? value.toString() : tag, start);
    }

    private void skipLayout() {
        while (text.has(pos)) {
            char c = text.at(pos);
            if (c == '\r' || c == '\n' || (c == ' ' && separators.terminator() != ' ')) {
                pos++;
            } else {
                return;
            }
        }
    }

    int position() {
        return position;
    }

    private static String abbreviate(String s) {
        return s.length() > 3 ? s.substring(0, 3) : s;
    }

    /** A segment runs on past the length limit: what is read of it so far is not kept. */
    static final class SegmentTooLongException extends Exception {
        final int position;
        final String tag;
        final int limit;

        SegmentTooLongException(int position, String tag, int limit) {
            super("segment " + position + " (" + tag + ") is longer than " + limit + " characters");
            this.position = position;
            this.tag = tag;
            this.limit = limit;
        }
    }

    /**
     * Streamed text only: the bytes of segment {@code position} (0 between segments) are not valid in the
     * interchange's character set, or are control bytes.
     */
    static final class UnreadableSegmentException extends Exception {
        final ScanText.UnreadableBytes bytes;
        final int position;
        final String tag;

        UnreadableSegmentException(ScanText.UnreadableBytes bytes, int position, String tag) {
            super(bytes.getMessage() + " in segment " + position);
            this.bytes = bytes;
            this.position = position;
            this.tag = tag;
        }
    }

    /** The text ends inside a segment: the interchange was cut short. */
    static final class UnterminatedSegmentException extends Exception {
        final int position;
        final String tag;
        final int start;

        UnterminatedSegmentException(int position, String tag, int start) {
            super("segment " + position + " (" + tag + ") has no terminator");
            this.position = position;
            this.tag = tag;
            this.start = start;
        }
    }
}
