package io.aval.edifact.fast.internal;

import io.aval.edifact.fast.EdifactReadException;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits an EDIFACT character stream into segments, honouring the UNA service string and the release
 * character. It holds one segment at a time, so interchanges of any size stream through it.
 */
public final class EdifactLexer {
    private final Reader in;
    /** the most characters held at once; less when the input is known to be shorter */
    static final int BUFFER_CHARS = 16384;
    private final char[] buf;
    private int pos;
    private int len;
    private boolean eof;
    private Delimiters delimiters = Delimiters.defaults();
    private boolean unaPresent;
    private int segmentCount;
    private final StringBuilder sb = new StringBuilder(256);

    public EdifactLexer(Reader in) {
        this(in, BUFFER_CHARS);
    }

    /**
     * @param expectedChars the input's length when known (a message read from the journal: a few hundred characters),
     *                      so that a small input does not claim the whole buffer; 0 or less when unknown
     */
    public EdifactLexer(Reader in, int expectedChars) {
        this.in = in;
        this.buf = new char[bufferChars(expectedChars)];
    }

    /** the buffer for an input of {@code expectedChars} characters: room for all of it up to {@link #BUFFER_CHARS} */
    static int bufferChars(int expectedChars) {
        return expectedChars > 0 && expectedChars < BUFFER_CHARS - 16 ? Math.max(256, expectedChars + 16) : BUFFER_CHARS;
    }

    public Delimiters delimiters() {
        return delimiters;
    }

    public boolean unaPresent() {
        return unaPresent;
    }

    /** reads the UNA service string advice when the stream starts with one; call once, before {@link #next()} */
    public void readServiceStringAdvice() throws IOException {
        if (!fill(9)) {
            return;
        }
        if (buf[pos] == 'U' && buf[pos + 1] == 'N' && buf[pos + 2] == 'A') {
            delimiters = new Delimiters(buf[pos + 3], buf[pos + 4], buf[pos + 5], buf[pos + 6], buf[pos + 7], buf[pos + 8]);
            unaPresent = true;
            pos += 9;
            skipWhitespace();
        }
    }

    /** the next segment, or null at the end of the stream (trailing white space ignored) */
    public RawSegment next() throws IOException {
        if (!unaPresent) {
            // without UNA the stock terminator is "'" followed by any white space
            skipWhitespace();
        }
        if (!fill(1)) {
            return null;
        }
        final char term = delimiters.terminator;
        final char rel = delimiters.release;
        final char data = delimiters.data;
        sb.setLength(0);
        int tagEnd = -1;
        boolean terminated = false;
        while (true) {
            if (pos >= len && !fill(1)) {
                break;
            }
            char c = buf[pos++];
            if (c == rel) {
                sb.append(c);
                if (pos >= len && !fill(1)) {
                    break;
                }
                sb.append(buf[pos++]);
                continue;
            }
            if (c == term) {
                terminated = true;
                break;
            }
            if (c == data && tagEnd < 0) {
                tagEnd = sb.length();
            }
            sb.append(c);
        }
        segmentCount++;
        if (!terminated) {
            String text = sb.toString();
            throw new EdifactReadException(EdifactReadException.Code.TRUNCATED, segmentCount,
                    text.length() >= 3 ? text.substring(0, 3) : text,
                    "segment terminator '" + term + "'", "end of input after \"" + abbreviate(text) + "\"");
        }
        if (tagEnd < 0) {
            tagEnd = sb.length();
        }
        String tag = sb.substring(0, tagEnd);
        String body = sb.substring(tagEnd);
        if (unaPresent) {
            skipLineBreak();
        }
        return new RawSegment(tag, body, segmentCount);
    }

    /** true when nothing but what the stock reader tolerates follows the last segment */
    public boolean atEnd() throws IOException {
        if (!unaPresent) {
            skipWhitespace();
        }
        return !fill(1);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private void skipLineBreak() throws IOException {
        if (fill(1) && buf[pos] == '\r') {
            pos++;
        }
        if (fill(1) && buf[pos] == '\n') {
            pos++;
        }
    }

    private void skipWhitespace() throws IOException {
        while (fill(1)) {
            char c = buf[pos];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    /** ensures at least n chars are buffered; false when the stream ends first */
    private boolean fill(int n) throws IOException {
        if (len - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
        while (len < n) {
            int r = in.read(buf, len, buf.length - len);
            if (r < 0) {
                eof = true;
                return false;
            }
            len += r;
        }
        return true;
    }
}
