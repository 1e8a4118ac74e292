package io.aval.edifact.fast.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one lexed segment into the element events the stock reader produces for it. The rules mirror what
 * Daffodil does with the schema pack's separator and suppression properties, as observed on the stock reader:
 * an empty optional element is absent; an empty composite is present only when its first component is a
 * mandatory single text element; an optional number that does not parse leaves its position to the next element.
 */
public final class SegmentEmitter {
    private final Delimiters d;
    private final List<String> fields = new ArrayList<>(32);
    private final List<String> parts = new ArrayList<>(16);
    private final List<String> reps = new ArrayList<>(8);
    private final StringBuilder sb = new StringBuilder(64);

    public SegmentEmitter(Delimiters delimiters) {
        this.d = delimiters;
    }

    public void emit(String elementName, SegmentDef def, String body, EventBuffer out) throws DataFault {
        out.start(elementName);
        fields.clear();
        if (!body.isEmpty()) {
            if (body.charAt(0) != d.data) {
                throw new DataFault("data element separator '" + d.data + "' after the tag", "'" + body.charAt(0) + "'");
            }
            split(body, 1, d.data, fields);
        }
        int fi = 0;
        int n = fields.size();
        for (FieldDef f : def.fields) {
            if (fi >= n) {
                if (f.min > 0) {
                    throw new DataFault("mandatory " + f.name, "end of segment");
                }
                continue;
            }
            if (f.repeating) {
                reps.clear();
                if (d.repetition == d.data) {
                    int end = (int) Math.min((long) fi + f.max, n);
                    for (int i = fi; i < end; i++) {
                        reps.add(fields.get(i));
                    }
                    fi = end;
                } else {
                    split(fields.get(fi++), 0, d.repetition, reps);
                }
                if (reps.size() > f.max) {
                    throw new DataFault("at most " + f.max + " repetitions of " + f.name, reps.size() + " repetitions");
                }
                if (reps.size() == 1 && reps.get(0).isEmpty()) {
                    if (f.isComposite()) {
                        // Daffodil makes it a nil complex element, on which the stock reader fails (NullPointerException)
                        throw new UnreadableInterchange("a repetition of composite " + f.name, "an empty data element");
                    }
                    continue; // no repetition at all: the element is absent
                }
                for (String rep : reps) {
                    if (rep.isEmpty()) {
                        if (f.isComposite()) {
                            // the stock reader fails with a NullPointerException on an empty composite repetition
                            throw new UnreadableInterchange("a non-empty repetition of composite " + f.name, "an empty repetition");
                        }
                        out.nil(f.name);
                    } else if (!emitField(f, rep, out)) {
                        throw new DataFault("a number in " + f.name, "'" + unescape(rep) + "'");
                    }
                }
            } else {
                if (emitField(f, fields.get(fi), out)) {
                    fi++;
                }
            }
        }
        if (fi < n) {
            throw new DataFault("at most " + def.fields.length + " data elements in " + def.tag, n + " data elements");
        }
        out.end();
    }

    /**
     * @return false when the data does not fit an optional element: like Daffodil, the element is then absent and the
     * same data element is offered to the next element of the segment
     */
    private boolean emitField(FieldDef f, String raw, EventBuffer out) throws DataFault {
        if (!f.isComposite()) {
            return emitSimple(f.simple, f.min, raw, out);
        }
        SimpleDef[] comps = f.components;
        if (raw.isEmpty()) {
            // an empty composite is present only when it can hold an empty text as its only mandatory component
            // (observed: C082, C110 and C080 are present, C058 and C059 - one repeating component - are not)
            boolean fits = comps[0].min >= 1 && !comps[0].decimal && (comps[0].max == 1 || comps.length > 1);
            for (int i = 1; i < comps.length && fits; i++) {
                fits = comps[i].min == 0;
            }
            if (fits) {
                out.start(f.name);
                out.leaf(comps[0].name, "");
                out.end();
            } else if (f.min > 0) {
                throw new DataFault("mandatory " + f.name, "empty data element");
            }
            return true;
        }
        int position = out.position();
        int depth = out.depth();
        try {
            emitComposite(f, raw, out);
            return true;
        } catch (DataFault fault) {
            if (f.min > 0 || f.repeating) {
                throw fault;
            }
            out.rollback(position, depth);
            return false;
        }
    }

    private void emitComposite(FieldDef f, String raw, EventBuffer out) throws DataFault {
        SimpleDef[] comps = f.components;
        parts.clear();
        split(raw, 0, d.component, parts);
        out.start(f.name);
        int ci = 0;
        int np = parts.size();
        for (SimpleDef c : comps) {
            int occ = 0;
            while (occ < c.max && ci < np) {
                if (!emitSimple(c, occ < c.min ? 1 : 0, parts.get(ci), out)) {
                    break;
                }
                ci++;
                occ++;
            }
            if (occ < c.min) {
                throw new DataFault("mandatory " + c.name + " in " + f.name, ci < np ? "'" + unescape(parts.get(ci)) + "'" : "end of composite");
            }
        }
        if (ci < np) {
            throw new DataFault("at most " + ci + " components in " + f.name, np + " components");
        }
        out.end();
    }

    private boolean emitSimple(SimpleDef s, int min, String raw, EventBuffer out) throws DataFault {
        if (raw.isEmpty()) {
            if (min > 0) {
                if (s.decimal) {
                    throw new DataFault("a number in mandatory " + s.name, "empty data element");
                }
                out.leaf(s.name, "");
            }
            return true;
        }
        String value = unescape(raw);
        if (s.decimal) {
            String normalized = DecimalText.parse(value, d.decimal);
            if (normalized == null) {
                if (min > 0) {
                    throw new DataFault("a number in " + s.name, "'" + value + "'");
                }
                return false;
            }
            value = normalized;
        }
        out.leaf(s.name, value);
        return true;
    }

    void splitComponents(String s, List<String> out) {
        split(s, 0, d.component, out);
    }

    /** splits at unescaped separators from {@code from}, keeping release characters in the parts */
    void split(String s, int from, char sep, List<String> out) {
        char rel = d.release;
        int start = from;
        int len = s.length();
        for (int i = from; i < len; i++) {
            char c = s.charAt(i);
            if (c == rel) {
                i++;
            } else if (c == sep) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
    }

    public String unescape(String raw) {
        char rel = d.release;
        int i = raw.indexOf(rel);
        if (i < 0) {
            return raw;
        }
        sb.setLength(0);
        sb.append(raw, 0, i);
        int len = raw.length();
        for (; i < len; i++) {
            char c = raw.charAt(i);
            if (c == rel && i + 1 < len) {
                c = raw.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
