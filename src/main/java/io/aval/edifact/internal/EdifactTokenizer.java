package io.aval.edifact.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits EDIFACT text into positional segments honouring UNA and the release character. Used for messages the
 * stock reader has no schema for (CONTRL); line breaks between segments are ignored.
 */
public final class EdifactTokenizer {

    private EdifactTokenizer() { }

    public static List<Segment> segments(String text) {
        char component = ':';
        char element = '+';
        char release = '?';
        char terminator = '\'';
        int i = 0;
        if (text.startsWith("UNA") && text.length() >= 9) {
            component = text.charAt(3);
            element = text.charAt(4);
            release = text.charAt(6);
            terminator = text.charAt(8);
            i = 9;
        }
        List<Segment> out = new ArrayList<>();
        List<List<String>> elements = new ArrayList<>();
        List<String> comps = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        String tag = null;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (tag == null && value.isEmpty() && (c == '\r' || c == '\n')) {
                continue;
            }
            if (c == release && i + 1 < text.length()) {
                value.append(text.charAt(++i));
            } else if (c == component) {
                comps.add(value.toString());
                value.setLength(0);
            } else if (c == element || c == terminator) {
                comps.add(value.toString());
                value.setLength(0);
                if (tag == null) {
                    tag = comps.get(0).trim();
                } else {
                    elements.add(comps);
                }
                comps = new ArrayList<>();
                if (c == terminator) {
                    out.add(new Segment(tag, elements));
                    elements = new ArrayList<>();
                    tag = null;
                }
            } else {
                value.append(c);
            }
        }
        return out;
    }
}
