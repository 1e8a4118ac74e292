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

    /** an XML decimal written the way the stock writer writes it: pattern "0000" pads the integer part to four digits */
    public static String format(String xmlValue, String pattern, char decimalSign) {
        BigDecimal v = new BigDecimal(xmlValue.trim());
        String s = canonical(v);
        int minInt = 0;
        for (int i = 0; i < pattern.length() && pattern.charAt(i) == '0'; i++) {
            minInt++;
        }
        if (minInt > 1) {
            boolean neg = s.startsWith("-");
            String abs = neg ? s.substring(1) : s;
            int dot = abs.indexOf('.');
            int intDigits = dot < 0 ? abs.length() : dot;
            StringBuilder b = new StringBuilder();
            if (neg) {
                b.append('-');
            }
            for (int i = intDigits; i < minInt; i++) {
                b.append('0');
            }
            b.append(abs);
            s = b.toString();
        }
        return decimalSign == '.' ? s : s.replace('.', decimalSign);
    }
}
