package io.aval.signal.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Accent- and case-insensitive whole-word matching of names in free text. */
public final class TextMatcher {

    private TextMatcher() {
    }

    /** Lower case, accents removed, every run of non letters/digits collapsed to one space. */
    public static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return s;
    }

    public static boolean mentions(String text, String name) {
        String n = normalise(name);
        if (n.isEmpty()) {
            return false;
        }
        return (" " + normalise(text) + " ").contains(" " + n + " ");
    }
}
