package io.aval.edifact.internal;

/**
 * The service characters of an interchange. Syntax version 4 adds the repetition separator
 * {@code *}, which then must be released in data as well.
 */
public record SyntaxSeparators(char component, char element, char decimal, char release, char repetition,
                               char segment) {

    public static SyntaxSeparators forVersion(int syntaxVersion) {
        return new SyntaxSeparators(':', '+', '.', '?', syntaxVersion >= 4 ? '*' : ' ', '\'');
    }

    /** The UNA service string advice, nine characters including the tag. */
    public String una() {
        return "UNA" + component + element + decimal + release + repetition + segment;
    }

    boolean needsRelease(char c) {
        return c == component || c == element || c == release || c == segment
                || (repetition != ' ' && c == repetition);
    }

    /** Writes {@code value} with every service character preceded by the release character. */
    public void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (needsRelease(c)) {
                out.append(release);
            }
            out.append(c);
        }
    }

    /** Renders a segment; trailing empty components and elements are left out, inner ones kept. */
    public void appendSegment(StringBuilder out, Segment segment) {
        out.append(segment.tag());
        int lastElement = segment.elements().size();
        while (lastElement > 0 && isEmpty(segment.elements().get(lastElement - 1))) {
            lastElement--;
        }
        for (int e = 0; e < lastElement; e++) {
            out.append(element);
            var comps = segment.elements().get(e);
            int lastComp = comps.size();
            while (lastComp > 0 && comps.get(lastComp - 1).isEmpty()) {
                lastComp--;
            }
            for (int c = 0; c < lastComp; c++) {
                if (c > 0) {
                    out.append(component);
                }
                appendEscaped(out, comps.get(c));
            }
        }
        out.append(this.segment);
    }

    private static boolean isEmpty(java.util.List<String> comps) {
        return comps.stream().allMatch(String::isEmpty);
    }
}
