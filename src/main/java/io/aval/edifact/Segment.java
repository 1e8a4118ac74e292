package io.aval.edifact;

import java.util.List;

/**
 * One segment as lexed: its tag, its elements (each a list of components, release characters
 * already removed), its 1-based position in the interchange and its character span in the text.
 */
public record Segment(String tag, List<List<String>> elements, int position, int start, int end) {

    /** Component {@code c} (0-based) of element {@code e} (1-based, the tag being element 0), or "". */
    public String value(int e, int c) {
        if (e < 1 || e > elements.size()) {
            return "";
        }
        List<String> components = elements.get(e - 1);
        return c < components.size() ? components.get(c) : "";
    }

    public String value(int e) {
        return value(e, 0);
    }
}
