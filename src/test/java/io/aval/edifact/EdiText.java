package io.aval.edifact;

/** Golden-file helpers: one segment per line for review; newlines are never data, so they are simply dropped on read. */
final class EdiText {

    private EdiText() { }

    /** Puts a line break after every segment terminator that is not released by {@code ?}. */
    static String onePerLine(String edi) {
        StringBuilder out = new StringBuilder(edi.length() + 64);
        boolean released = false;
        boolean inUna = edi.startsWith("UNA");
        for (int i = 0; i < edi.length(); i++) {
            char c = edi.charAt(i);
            out.append(c);
            if (inUna) {
                if (i == 8) {
                    out.append('\n');
                    inUna = false;
                }
                continue;
            }
            if (released) {
                released = false;
            } else if (c == '?') {
                released = true;
            } else if (c == '\'') {
                out.append('\n');
            }
        }
        return out.toString();
    }

    static String joined(String golden) {
        return golden.replace("\r", "").replace("\n", "");
    }
}
