package io.aval.edifact.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One segment as positional data: a tag and its data elements, each a list of component values
 * (a simple element is a one-component list). Empty strings stand for absent values.
 */
public record Segment(String tag, List<List<String>> elements) {

    public Segment {
        elements = List.copyOf(elements.stream().map(List::copyOf).toList());
    }

    public static Builder of(String tag) {
        return new Builder(tag);
    }

    /** The value at element {@code e} (1-based) and component {@code c} (1-based), or "" when absent. */
    public String value(int e, int c) {
        if (e < 1 || e > elements.size()) {
            return "";
        }
        List<String> comps = elements.get(e - 1);
        return c < 1 || c > comps.size() ? "" : comps.get(c - 1);
    }

    public static final class Builder {
        private final String tag;
        private final List<List<String>> elements = new ArrayList<>();

        private Builder(String tag) {
            this.tag = tag;
        }

        /** Appends one data element made of the given components (nulls become empty). */
        public Builder element(String... components) {
            elements.add(Arrays.stream(components).map(v -> v == null ? "" : v).toList());
            return this;
        }

        public Segment build() {
            return new Segment(tag, elements);
        }
    }
}
