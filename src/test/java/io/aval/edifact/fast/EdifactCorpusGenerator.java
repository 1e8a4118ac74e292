package io.aval.edifact.fast;

import io.aval.edifact.fast.internal.FieldDef;
import io.aval.edifact.fast.internal.MessageDef;
import io.aval.edifact.fast.internal.SchemaPack;
import io.aval.edifact.fast.internal.SegmentDef;
import io.aval.edifact.fast.internal.SimpleDef;
import io.aval.edifact.fast.internal.StructureNode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates varied, structurally valid interchanges straight from the schema pack: ORDERS, DESADV, INVOIC and ORDRSP of
 * D96A or D01B, with or without UNA, syntax versions 3 and 4 (repetition separator), custom service characters, release
 * characters in text, empty and trailing-empty elements, repeated components, segments at their maximum repetition
 * and nested segment groups. Deterministic for a seed.
 */
final class EdifactCorpusGenerator {
    static final String[] TYPES = {"ORDERS", "DESADV", "INVOIC", "ORDRSP"};

    /** the envelope style of one interchange */
    enum Style {
        NO_UNA_V3("", '+', ':', '?', '\'', '*', "UNOC", 3),
        UNA_V3("UNA:+.? '", '+', ':', '?', '\'', '+', "UNOC", 3),
        UNA_V4("UNA:+.?*'", '+', ':', '?', '\'', '*', "UNOC", 4),
        UNA_V4_UTF8("UNA:+.?*'", '+', ':', '?', '\'', '*', "UNOY", 4),
        UNA_CUSTOM("UNA^|.\\*~", '|', '^', '\\', '~', '*', "UNOC", 4),
        NO_UNA_V4_UTF8("", '+', ':', '?', '\'', '*', "UNOY", 4);

        final String una;
        final char data;
        final char comp;
        final char release;
        final char term;
        final char rep;
        final String charsetId;
        final int version;

        Style(String una, char data, char comp, char release, char term, char rep, String charsetId, int version) {
            this.una = una;
            this.data = data;
            this.comp = comp;
            this.release = release;
            this.term = term;
            this.rep = rep;
            this.charsetId = charsetId;
            this.version = version;
        }

        Charset charset() {
            return charsetId.equals("UNOY") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        }
    }

    private final Random random;
    private final SchemaPack pack;
    private final String directory;
    private Style style;
    private StringBuilder out;
    private int segments;

    EdifactCorpusGenerator(long seed, String directory) {
        this.random = new Random(seed);
        this.directory = directory.toUpperCase();
        this.pack = SchemaPack.forSchemaUri("/" + directory.toLowerCase() + "/EDIFACT-Messages.dfdl.xsd");
    }

    Style nextStyle() {
        return Style.values()[random.nextInt(Style.values().length)];
    }

    /** one interchange of {@code messages} messages of random types */
    byte[] interchange(Style style, int messages, int number) {
        return interchange(style, messages, number, null);
    }

    byte[] interchange(Style style, int messages, int number, String onlyType) {
        this.style = style;
        out = new StringBuilder(messages * 1500);
        out.append(style.una);
        if (!style.una.isEmpty() && random.nextInt(4) == 0) {
            out.append("\r\n");
        }
        String ref = "IC" + number;
        raw("UNB", style.charsetId + style.comp + style.version, "SENDER" + style.comp + "14", "RECEIVER" + style.comp + "14",
                (style.version == 4 ? "20261126" : "261126") + style.comp + "1300", ref);
        for (int m = 0; m < messages; m++) {
            String type = onlyType != null ? onlyType : TYPES[random.nextInt(TYPES.length)];
            segments = 0;
            raw("UNH", "M" + (m + 1), type + style.comp + "D" + style.comp + directory.substring(1) + style.comp + "UN"
                    + (random.nextBoolean() ? style.comp + "EAN008" : ""));
            message(pack.message(type));
            raw("UNT", String.valueOf(segments + 1), "M" + (m + 1));
        }
        raw("UNZ", String.valueOf(messages), ref);
        return out.toString().getBytes(style.charset());
    }

    private void message(MessageDef def) {
        nodes(def.children, 0);
    }

    private void nodes(StructureNode[] nodes, int depth) {
        for (StructureNode n : nodes) {
            int count = occurrences(n, depth);
            for (int i = 0; i < count; i++) {
                if (n.isGroup()) {
                    nodes(n.children, depth + 1);
                } else {
                    segment(n.segment, i == 0 || n.min > 0);
                }
            }
        }
    }

    private int occurrences(StructureNode n, int depth) {
        if (n.isGroup()) {
            if (n.min > 0) {
                return n.min;
            }
            int limit = depth == 0 ? 3 : 2;
            return random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(limit);
        }
        if (n.min > 0 && n.max == 1) {
            return 1;
        }
        int r = random.nextInt(100);
        if (r < 55) {
            return n.min;
        }
        if (r < 58 && n.max <= 35) {
            return n.max; // maximum repetition
        }
        return Math.max(n.min, 1 + random.nextInt(Math.min(n.max, 3)));
    }

    private void segment(SegmentDef def, boolean unused) {
        List<String> fields = new ArrayList<>();
        for (FieldDef f : def.fields) {
            // with a space in the UNA a repeating element swallows the following positions: keep it present there
            // an empty repeating composite makes the stock reader fail (NullPointerException on a nil element): keep it present
            boolean include = f.min > 0 || random.nextInt(10) < 5 || f.repeating;
            if (!include) {
                fields.add("");
                continue;
            }
            if (f.repeating) {
                int reps = 1 + (random.nextInt(4) == 0 ? random.nextInt(f.max) : 0);
                if (style.rep == style.data) {
                    reps = f.max; // all repetitions present, so that the next element's position is unambiguous
                    // with a space in the UNA the repetitions are ordinary data elements
                    for (int i = 0; i < reps; i++) {
                        fields.add(field(f));
                    }
                } else {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < reps; i++) {
                        if (i > 0) {
                            b.append(style.rep);
                        }
                        b.append(field(f));
                    }
                    fields.add(b.toString());
                }
            } else {
                fields.add(field(f));
            }
        }
        if (random.nextInt(8) == 0 && !fields.isEmpty() && style.rep != style.data) {
            // a trailing empty element the definition allows: the separator stays in the data
            int last = fields.size();
            while (last > 0 && fields.get(last - 1).isEmpty()) {
                last--;
            }
            if (last < fields.size()) {
                last++;
            }
            raw(def.tag, fields.subList(0, last).toArray(new String[0]));
            return;
        }
        raw(def.tag, trimmed(fields).toArray(new String[0]));
    }

    private String field(FieldDef f) {
        if (!f.isComposite()) {
            return value(f.simple, true);
        }
        List<String> comps = new ArrayList<>();
        boolean any = false;
        for (SimpleDef c : f.components) {
            int occ = c.min > 0 ? 1 : (random.nextInt(10) < 5 ? 1 : 0);
            if (c.max > 1 && occ == 1 && random.nextInt(3) == 0) {
                occ = 1 + random.nextInt(c.max);
            }
            if (occ == 0) {
                comps.add("");
            }
            for (int i = 0; i < occ; i++) {
                comps.add(value(c, true));
                any = true;
            }
        }
        if (!any) {
            comps.set(0, value(f.components[0], true));
        }
        return String.join(String.valueOf(style.comp), trimmed(comps));
    }

    private String value(SimpleDef s, boolean nonEmpty) {
        if (s.decimal) {
            switch (random.nextInt(6)) {
                case 0:
                    return String.valueOf(random.nextInt(1000));
                case 1:
                    return random.nextInt(100) + "." + (10 + random.nextInt(90));
                case 2:
                    return "-" + (1 + random.nextInt(50));
                case 3:
                    return "00" + random.nextInt(10);
                case 4:
                    return random.nextInt(10) + ".50";
                default:
                    return String.valueOf(1 + random.nextInt(9));
            }
        }
        int len = 1 + random.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int r = random.nextInt(40);
            char c;
            if (r < 26) {
                c = (char) ('A' + r);
            } else if (r < 32) {
                c = (char) ('0' + (r - 26));
            } else if (r == 32) {
                c = ' ';
            } else if (r == 33) {
                c = style.data;
            } else if (r == 34) {
                c = style.comp;
            } else if (r == 35) {
                c = style.term;
            } else if (r == 36) {
                c = style.release;
            } else if (r == 37 && style.charsetId.equals("UNOY")) {
                c = "éàüßç€".charAt(random.nextInt(6));
            } else {
                c = (char) ('a' + random.nextInt(26));
            }
            if (c == style.data || c == style.comp || c == style.term || c == style.release || c == style.rep) {
                b.append(style.release);
            }
            b.append(c);
        }
        String v = b.toString();
        // the stock reader trims nothing but keeps text; keep values free of edge spaces so both readers agree on numbers
        return v.isBlank() ? "X" : v;
    }

    private static List<String> trimmed(List<String> parts) {
        int last = parts.size();
        while (last > 0 && parts.get(last - 1).isEmpty()) {
            last--;
        }
        return parts.subList(0, last);
    }

    private void raw(String tag, String... fields) {
        out.append(tag);
        for (String f : fields) {
            out.append(style.data).append(f);
        }
        out.append(style.term);
        if (style.una.isEmpty() && random.nextInt(5) == 0) {
            out.append('\n');
        }
        segments++;
    }
}
