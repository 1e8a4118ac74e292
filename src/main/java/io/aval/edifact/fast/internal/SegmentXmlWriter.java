package io.aval.edifact.fast.internal;

import io.aval.edifact.fast.EdifactWriteException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns element events in the stock reader's XML shape back into EDIFACT, segment by segment, the way the stock
 * {@code edifact:unparser} lays it out: UNA when the XML has one, every segment followed by its terminator and a line
 * break, trailing empty elements and components dropped, numbers in the schema pack's number pattern, release
 * character before service characters. It holds one segment at a time.
 */
public final class SegmentXmlWriter {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private enum Role { ROOT, CONTAINER, UNA, UNA_VALUE, SEGMENT, FIELD, COMPONENT, BAD_MESSAGE, BAD_SEGMENT, BAD_PART, IGNORED }

    private final Appendable out;
    private final String lineBreak;
    private SchemaPack pack;
    private Delimiters d = Delimiters.defaults();
    private final Role[] roles = new Role[64];
    private int depth;
    private final StringBuilder text = new StringBuilder(64);
    private final char[] una = new char[6];
    private int unaIndex;

    private String segmentTag;
    private SegmentDef segmentDef;
    private final List<String> fieldNames = new ArrayList<>();
    /** value of a simple field; null for a composite or a nil repetition */
    private final List<String> fieldValues = new ArrayList<>();
    private final List<Boolean> fieldNil = new ArrayList<>();
    private final List<Integer> compFrom = new ArrayList<>();
    private final List<String> compNames = new ArrayList<>();
    private final List<String> compValues = new ArrayList<>();
    private String badName;
    private String badData;
    private final StringBuilder line = new StringBuilder(256);
    private final List<String> positions = new ArrayList<>();
    /** whether the element at a position is in the XML: only absent elements are dropped at the end of a segment */
    private final List<Boolean> present = new ArrayList<>();
    private final List<String> parts = new ArrayList<>();
    private int segmentCount;

    public SegmentXmlWriter(Appendable out, String lineBreak) {
        this.out = out;
        this.lineBreak = lineBreak;
    }

    public void startElement(String uri, String localName, boolean nil) {
        Role parent = depth == 0 ? null : roles[depth - 1];
        Role role;
        if (parent == null) {
            if (!"Interchange".equals(localName) || uri == null || uri.isEmpty()) {
                throw new EdifactWriteException("the root element must be {http://www.ibm.com/dfdl/edi/un/edifact/<version>}Interchange, found " + localName);
            }
            pack = SchemaPack.forNamespace(uri);
            role = Role.ROOT;
        } else {
            switch (parent) {
                case ROOT:
                case CONTAINER:
                    if (localName.equals("UNA")) {
                        role = Role.UNA;
                        unaIndex = 0;
                    } else if (localName.equals("BadMessage")) {
                        role = Role.BAD_MESSAGE;
                    } else if (localName.equals("Message") || localName.equals("FunctionGroup") || localName.startsWith("SegGrp-")
                            || pack.hasMessage(localName)) {
                        role = Role.CONTAINER;
                    } else {
                        role = Role.SEGMENT;
                        beginSegment(localName);
                    }
                    break;
                case UNA:
                    role = Role.UNA_VALUE;
                    text.setLength(0);
                    break;
                case SEGMENT:
                    role = Role.FIELD;
                    fieldNames.add(localName);
                    fieldValues.add(null);
                    fieldNil.add(nil);
                    compFrom.add(compNames.size());
                    text.setLength(0);
                    break;
                case FIELD:
                    role = Role.COMPONENT;
                    compNames.add(localName);
                    compValues.add(null);
                    text.setLength(0);
                    break;
                case BAD_MESSAGE:
                    role = Role.BAD_SEGMENT;
                    badName = "";
                    badData = "";
                    break;
                case BAD_SEGMENT:
                    role = Role.BAD_PART;
                    text.setLength(0);
                    break;
                default:
                    throw new EdifactWriteException("unexpected element " + localName + " inside " + parent);
            }
        }
        if (depth == roles.length) {
            throw new EdifactWriteException("XML nested too deep for an EDIFACT interchange");
        }
        roles[depth++] = role;
    }

    public void characters(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    public void characters(String s) {
        text.append(s);
    }

    public void endElement(String localName) throws IOException {
        Role role = roles[--depth];
        switch (role) {
            case UNA_VALUE:
                if (unaIndex < 6) {
                    una[unaIndex++] = text.length() > 0 ? text.charAt(0) : ' ';
                }
                break;
            case UNA:
                d = new Delimiters(una[0], una[1], una[2], una[3], una[4], una[5]);
                line.setLength(0);
                line.append("UNA").append(una, 0, 6).append(lineBreak);
                out.append(line);
                break;
            case COMPONENT:
                compValues.set(compValues.size() - 1, text.toString());
                text.setLength(0);
                break;
            case FIELD:
                int i = fieldNames.size() - 1;
                if (compFrom.get(i) == compNames.size()) {
                    fieldValues.set(i, fieldNil.get(i) ? null : text.toString());
                }
                text.setLength(0);
                break;
            case SEGMENT:
                writeSegment();
                break;
            case BAD_PART:
                if (localName.equals("Name")) {
                    badName = text.toString();
                } else {
                    badData = text.toString();
                }
                break;
            case BAD_SEGMENT:
                line.setLength(0);
                line.append(badName).append(new String(unhex(badData), StandardCharsets.UTF_8)).append(d.terminator).append(lineBreak);
                out.append(line);
                segmentCount++;
                break;
            default:
                break;
        }
    }

    public int segmentCount() {
        return segmentCount;
    }

    private void beginSegment(String tag) {
        segmentTag = tag;
        segmentDef = pack.segmentByTag(tag);
        if (segmentDef == null) {
            throw new EdifactWriteException("unknown segment " + tag + " for schema pack " + pack.version);
        }
        fieldNames.clear();
        fieldValues.clear();
        fieldNil.clear();
        compFrom.clear();
        compNames.clear();
        compValues.clear();
    }

    private void writeSegment() throws IOException {
        positions.clear();
        present.clear();
        FieldDef[] defs = segmentDef.fields;
        int n = fieldNames.size();
        int ci = 0;
        for (FieldDef f : defs) {
            if (f.repeating) {
                parts.clear();
                while (ci < n && fieldNames.get(ci).equals(f.name)) {
                    parts.add(encodeField(f, ci++, true));
                }
                if (d.repetition == d.data) {
                    if (parts.isEmpty()) {
                        positions.add("");
                        present.add(false);
                    } else {
                        for (String part : parts) {
                            positions.add(part);
                            present.add(true);
                        }
                    }
                } else {
                    positions.add(String.join(String.valueOf(d.repetition), parts));
                    present.add(!parts.isEmpty());
                }
            } else if (ci < n && fieldNames.get(ci).equals(f.name)) {
                positions.add(encodeField(f, ci++, false));
                present.add(true);
            } else {
                positions.add("");
                present.add(false);
            }
        }
        if (ci < n) {
            throw new EdifactWriteException("element " + fieldNames.get(ci) + " is not a data element of " + segmentTag
                    + " here (schema pack " + pack.version + ")");
        }
        int last = positions.size();
        while (last > 0 && !present.get(last - 1)) {
            last--;
        }
        line.setLength(0);
        line.append(segmentTag);
        for (int p = 0; p < last; p++) {
            line.append(d.data).append(positions.get(p));
        }
        line.append(d.terminator).append(lineBreak);
        out.append(line);
        segmentCount++;
    }

    private String encodeField(FieldDef f, int index, boolean inRepetition) {
        if (!f.isComposite()) {
            String v = fieldValues.get(index);
            return v == null ? "" : encodeSimple(f.simple, v, inRepetition, false);
        }
        int from = compFrom.get(index);
        int to = index + 1 < compFrom.size() ? compFrom.get(index + 1) : compNames.size();
        List<String> comps = new ArrayList<>(f.components.length);
        int lastPresent = 0;
        int k = from;
        for (SimpleDef c : f.components) {
            int occ = 0;
            while (k < to && occ < c.max && compNames.get(k).equals(c.name)) {
                comps.add(encodeSimple(c, compValues.get(k++), inRepetition, true));
                lastPresent = comps.size();
                occ++;
            }
            if (occ == 0) {
                comps.add("");
            }
        }
        if (k < to) {
            throw new EdifactWriteException("element " + compNames.get(k) + " is not a component of " + f.name + " in " + segmentTag);
        }
        int last = lastPresent;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < last; i++) {
            if (i > 0) {
                b.append(d.component);
            }
            b.append(comps.get(i));
        }
        return b.toString();
    }

    private String encodeSimple(SimpleDef s, String value, boolean inRepetition, boolean inComposite) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (s.decimal) {
            try {
                return DecimalText.format(value, s.numberPattern, d.decimal);
            } catch (NumberFormatException e) {
                throw new EdifactWriteException("element " + s.name + " of " + segmentTag + " needs a number, found '" + value + "'");
            }
        }
        return escape(value, inRepetition, inComposite);
    }

    private String escape(String v, boolean inRepetition, boolean inComposite) {
        int len = v.length();
        int i = 0;
        for (; i < len; i++) {
            if (needsRelease(v.charAt(i), inRepetition, inComposite)) {
                break;
            }
        }
        if (i == len) {
            return v;
        }
        StringBuilder b = new StringBuilder(len + 4);
        b.append(v, 0, i);
        for (; i < len; i++) {
            char c = v.charAt(i);
            if (needsRelease(c, inRepetition, inComposite)) {
                b.append(d.release);
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * Daffodil releases the delimiters in scope (the component separator only inside a composite, the repetition
     * separator only inside a repetition) and always the extra characters of the IBM EDI format: + : '
     */
    private boolean needsRelease(char c, boolean inRepetition, boolean inComposite) {
        return c == d.release || c == d.data || c == d.terminator
                || c == '+' || c == ':' || c == '\''
                || (inComposite && c == d.component)
                || (inRepetition && c == d.repetition);
    }

    private static byte[] unhex(String hex) {
        int n = hex.length() / 2;
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    public static boolean isNil(String uri, String localName, String value) {
        return XSI.equals(uri) && "nil".equals(localName) && "true".equals(value);
    }
}
