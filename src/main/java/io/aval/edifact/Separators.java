package io.aval.edifact;

/**
 * The service characters of an interchange: from its UNA service string advice, or the
 * syntax defaults ({@code :+.? '}) when there is none.
 */
public record Separators(char component, char element, char decimal, char release, char repetition, char terminator) {

    public static final Separators DEFAULT = new Separators(':', '+', '.', '?', ' ', '\'');

    /** Reads the six characters that follow "UNA". */
    static Separators fromUna(String una) {
        return new Separators(una.charAt(3), una.charAt(4), una.charAt(5), una.charAt(6), una.charAt(7), una.charAt(8));
    }

    /** The UNA segment that declares these separators. */
    public String una() {
        return "UNA" + component + element + decimal + release + repetition + terminator;
    }

    boolean isService(char c) {
        return c == component || c == element || c == release || c == terminator
                || (repetition != ' ' && c == repetition);
    }
}
