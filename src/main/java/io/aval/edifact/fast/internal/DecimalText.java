package io.aval.edifact.fast.internal;

import java.math.BigDecimal;

/** Numbers as the stock reader reads and writes them (Daffodil's lax standard text numbers, canonical XML decimals). */
public final class DecimalText {
    private DecimalText() {
    }

    /** the canonical XML form of an EDIFACT number, or null when the stock reader would not read it as a number */
    public static String parse(String text, char decimalSign) {
        String t = (decimalSign == '.' ? text : text.replace(decimalSign, '.')).strip();
        int len = t.length();
        if (len == 0) {
            return null;
        }
        for (int i = 0; i < len; i++) {
            char c = t.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'E')) {
                return null;
            }
        }
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.signum() == 0 && t.charAt(0) == '-') {
                return "0.0"; // Daffodil reads a negative zero through a double
            }
            return canonical(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String canonical(BigDecimal v) {
        if (v.signum() == 0) {
            return "0";
        }
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return s.toPlainString();
    }

    /**
     * an XML decimal written the way the stock writer writes it, following the element's number pattern: "" writes the
     * canonical value; otherwise the value is rounded half-even to the pattern's fraction digits ("0000", "0" and
     * "##000000": none, "#.#": one) and its integer part padded to the pattern's zeros ("0000": 0930)
     */
    public static String format(String xmlValue, String pattern, char decimalSign) {
        BigDecimal v = new BigDecimal(xmlValue.strip());
        if (pattern.isEmpty()) {
            String s = canonical(v);
            return decimalSign == '.' ? s : s.replace('.', decimalSign);
        }
        int dot = pattern.indexOf('.');
        String intPattern = dot < 0 ? pattern : pattern.substring(0, dot);
        String fracPattern = dot < 0 ? "" : pattern.substring(dot + 1);
        int minInt = count(intPattern, '0');
        int maxFrac = fracPattern.length();
        int minFrac = count(fracPattern, '0');
        BigDecimal rounded = v.setScale(maxFrac, java.math.RoundingMode.HALF_EVEN);
        String plain = rounded.abs().toPlainString();
        int p = plain.indexOf('.');
        String intDigits = p < 0 ? plain : plain.substring(0, p);
        String fracDigits = p < 0 ? "" : plain.substring(p + 1);
        int keep = fracDigits.length();
        while (keep > minFrac && fracDigits.charAt(keep - 1) == '0') {
            keep--;
        }
        fracDigits = fracDigits.substring(0, keep);
        StringBuilder b = new StringBuilder();
        if (rounded.signum() < 0) {
            b.append('-');
        }
        for (int i = intDigits.length(); i < minInt; i++) {
            b.append('0');
        }
        b.append(intDigits);
        if (!fracDigits.isEmpty()) {
            b.append(decimalSign).append(fracDigits);
        }
        return b.toString();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
