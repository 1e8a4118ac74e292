package io.aval.edifact;

/** What to do with text the partner's character set cannot carry (a per-partner choice). */
public enum CharsetPolicy {
    /**
     * Upper-case for UNOA, strip accents (é→e, ß→ss, Œ→OE, €→EUR, typographic quotes and dashes to
     * their ASCII forms) and replace anything still not admitted by a space.
     */
    TRANSLITERATE,
    /** Refuse the interchange with {@link TranslationException.Failure#CHARSET_VIOLATION}, naming the character and where it is. */
    REJECT
}
