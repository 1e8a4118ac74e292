package io.aval.edifact;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The EDIFACT syntax identifiers (UNB 0001) Aval writes, the characters each one admits and the byte
 * encoding that goes with it. UNOA/UNOB are the ISO 646 repertoires of ISO 9735 level A and B
 * (written as ASCII bytes); UNOC is ISO 8859-1; UNOW and UNOY are ISO 10646 in UTF-8 and exist from
 * syntax version 4 on.
 */
public enum SyntaxCharset {
    /** Level A: upper case letters, digits, space and {@code . , - ( ) / = ' + : ? ! " % & * ; < >}. */
    UNOA(StandardCharsets.US_ASCII, 3),
    /** Level B: level A plus lower case letters. */
    UNOB(StandardCharsets.US_ASCII, 3),
    /** ISO 8859-1 (Latin-1): the West-European accents, no euro sign. */
    UNOC(StandardCharsets.ISO_8859_1, 3),
    /** ISO 10646-1 as UTF-8, syntax version 4. */
    UNOW(StandardCharsets.UTF_8, 4),
    /** ISO 10646-1 as UTF-8 (the full repertoire), syntax version 4. */
    UNOY(StandardCharsets.UTF_8, 4);

    private static final String LEVEL_A_SPECIALS = " .,-()/='+:?!\"%&*;<>";

    private final Charset encoding;
    private final int minSyntaxVersion;

    SyntaxCharset(Charset encoding, int minSyntaxVersion) {
        this.encoding = encoding;
        this.minSyntaxVersion = minSyntaxVersion;
    }

    /** The byte encoding of an interchange declared with this syntax identifier. */
    public Charset encoding() {
        return encoding;
    }

    public int minSyntaxVersion() {
        return minSyntaxVersion;
    }

    /** Whether the code point may appear in data of an interchange with this syntax identifier. */
    public boolean admits(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            return false; // control characters are never data
        }
        return switch (this) {
            case UNOA -> (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || LEVEL_A_SPECIALS.indexOf(cp) >= 0;
            case UNOB -> UNOA.admits(cp) || (cp >= 'a' && cp <= 'z');
            case UNOC -> cp <= 0xFF;
            case UNOW, UNOY -> cp != 0xFFFD && !(cp >= 0xD800 && cp <= 0xDFFF);
        };
    }

    /** Looks a syntax identifier up by its code, e.g. {@code "UNOC"}; null when Aval does not write it. */
    public static SyntaxCharset fromCode(String code) {
        for (SyntaxCharset c : values()) {
            if (c.name().equalsIgnoreCase(code)) {
                return c;
            }
        }
        return null;
    }
}
