package io.aval.edifact.internal;

import io.aval.edifact.CharsetPolicy;
import io.aval.edifact.SyntaxCharset;
import io.aval.edifact.TranslationException;

import java.text.Normalizer;
import java.util.Map;

/**
 * Fits text into a partner's syntax identifier before it is written, so that no byte outside the
 * declared repertoire ever leaves the gateway: either transliterated or refused, per partner.
 */
public final class CharacterRepertoire {

    private static final Map<Integer, String> FOLDINGS = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'Æ', "AE"), Map.entry((int) 'æ', "ae"),
            Map.entry((int) 'Œ', "OE"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'Ø', "O"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'Ð', "D"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'Þ', "TH"), Map.entry((int) 'þ', "th"), Map.entry((int) 'Ł', "L"),
            Map.entry((int) 'ł', "l"), Map.entry((int) '€', "EUR"), Map.entry((int) '‘', "'"),
            Map.entry((int) '’', "'"), Map.entry((int) '‚', "'"), Map.entry((int) '“', "\""),
            Map.entry((int) '”', "\""), Map.entry((int) '„', "\""), Map.entry((int) '–', "-"),
            Map.entry((int) '—', "-"), Map.entry((int) '…', "..."), Map.entry(0xA0, " "),
            Map.entry((int) '«', "\""), Map.entry((int) '»', "\""), Map.entry((int) '\t', " "),
            Map.entry((int) '\n', " "), Map.entry((int) '\r', " "));

    private final SyntaxCharset charset;
    private final CharsetPolicy policy;

    public CharacterRepertoire(SyntaxCharset charset, CharsetPolicy policy) {
        this.charset = charset;
        this.policy = policy;
    }

    /**
     * Returns {@code value} as it may be written, or throws {@link TranslationException} (CHARSET_VIOLATION)
     * under policy REJECT; {@code where} names the segment/element for the error message.
     */
    public String fit(String value, String where) {
        if (allAdmitted(value)) {
            return value;
        }
        if (policy == CharsetPolicy.REJECT) {
            int bad = value.codePoints().filter(cp -> !charset.admits(cp)).findFirst().orElse('?');
            throw new TranslationException(TranslationException.Failure.CHARSET_VIOLATION,
                    String.format("character '%s' (U+%04X) in %s cannot be sent in %s: \"%s\"",
                            new String(Character.toChars(bad)), bad, where, charset, value), null, null);
        }
        return transliterate(value);
    }

    private boolean allAdmitted(String value) {
        return value.codePoints().allMatch(charset::admits);
    }

    private String transliterate(String value) {
        String v = charset == SyntaxCharset.UNOA ? value.toUpperCase(java.util.Locale.ROOT) : value;
        StringBuilder out = new StringBuilder(v.length());
        v.codePoints().forEach(cp -> {
            if (charset.admits(cp)) {
                out.appendCodePoint(cp);
                return;
            }
            String folded = FOLDINGS.get(cp);
            if (folded == null) {
                folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}+", "");
            }
            if (charset == SyntaxCharset.UNOA) {
                folded = folded.toUpperCase(java.util.Locale.ROOT);
            }
            folded.codePoints().forEach(f -> out.appendCodePoint(charset.admits(f) ? f : ' '));
        });
        return out.toString();
    }
}
