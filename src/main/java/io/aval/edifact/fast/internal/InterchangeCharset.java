package io.aval.edifact.fast.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/** Character sets of EDIFACT syntax identifiers, and an output that picks its charset from the UNB it writes. */
public final class InterchangeCharset {
    private InterchangeCharset() {
    }

    /** buffers text until the UNB segment is written, then encodes with the charset UNB declares (or a fixed one) */
    public static final class Output implements Appendable {
        private final OutputStream out;
        private final String fixed;
        private final StringBuilder pending = new StringBuilder();
        private Writer writer;

        public Output(OutputStream out, String fixedCharset) {
            this.out = out;
            this.fixed = fixedCharset;
            if (fixedCharset != null) {
                writer = new OutputStreamWriter(out, Charset.forName(fixedCharset));
            }
        }

        @Override
        public Appendable append(CharSequence csq) throws IOException {
            if (writer != null) {
                writer.append(csq);
                return this;
            }
            pending.append(csq);
            int unb = indexOfUnb(pending);
            if (unb >= 0 && pending.length() >= unb + 8) {
                writer = new OutputStreamWriter(out, InterchangeParser.charsetFor(pending.substring(unb + 4, unb + 8)));
                writer.append(pending);
                pending.setLength(0);
            }
            return this;
        }

        private static int indexOfUnb(StringBuilder b) {
            int i = b.indexOf("UNB");
            return i;
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) throws IOException {
            return append(csq.subSequence(start, end));
        }

        @Override
        public Appendable append(char c) throws IOException {
            return append(String.valueOf(c));
        }

        public void flush() throws IOException {
            if (writer == null) {
                writer = new OutputStreamWriter(out, fixed != null ? Charset.forName(fixed) : java.nio.charset.StandardCharsets.ISO_8859_1);
                writer.append(pending);
                pending.setLength(0);
            }
            writer.flush();
        }
    }
}
