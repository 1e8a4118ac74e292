package io.aval.edifact;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the envelope of an EDIFACT interchange: UNA, UNB/UNZ reference and count, UNH/UNT
 * reference and segment count, character set, truncation. Partner and duplicate checks need the
 * partner directory and the journal and happen after this. The stock Smooks reader does none of
 * these checks, which is why the gateway makes them itself before parsing.
 */
public final class EnvelopeChecker {

    private static final Map<String, Charset> CHARSETS = Map.of(
            "UNOA", StandardCharsets.US_ASCII,
            "UNOB", StandardCharsets.US_ASCII,
            "UNOC", StandardCharsets.ISO_8859_1,
            "UNOD", Charset.forName("ISO-8859-2"),
            "UNOE", Charset.forName("ISO-8859-5"),
            "UNOF", Charset.forName("ISO-8859-7"),
            "UNOW", StandardCharsets.UTF_8,
            "UNOY", StandardCharsets.UTF_8);

    /**
     * The encoding of a decoded interchange's text as the checks decoded it from the partner's bytes:
     * the one its UNB syntax identifier declares, if the checks know it. Encoding the journaled text
     * with it gives back the bytes the partner sent.
     */
    public static java.util.Optional<Charset> declaredEncoding(String interchange) {
        int unb = interchange.indexOf("UNB");
        return unb >= 0 && interchange.length() >= unb + 8
                ? java.util.Optional.ofNullable(CHARSETS.get(interchange.substring(unb + 4, unb + 8)))
                : java.util.Optional.empty();
    }

    /** How much of the start of an oversize interchange is read to name its sender and reference. */
    private static final int HEADER_PROBE_BYTES = 4096;

    private final EnvelopeLimits limits;
    /** What {@link #scan} reads before it decides: smaller input is checked whole in memory. */
    private final int streamHeadBytes;
    /** How many bytes a streamed check reads at a time. */
    private final int streamReadBytes;

    public EnvelopeChecker() {
        this(EnvelopeLimits.DEFAULT);
    }

    public EnvelopeChecker(EnvelopeLimits limits) {
        this(limits, HEADER_PROBE_BYTES, StreamText.READ_BYTES);
    }

    /** With small sizes, tests stream inputs of a few hundred bytes and split characters across reads. */
    EnvelopeChecker(EnvelopeLimits limits, int streamHeadBytes, int streamReadBytes) {
        this.limits = limits;
        this.streamHeadBytes = streamHeadBytes;
        this.streamReadBytes = streamReadBytes;
    }

    /** True when the bytes look like EDIFACT at all (UNA or UNB first), for routing by format. */
    public static boolean looksLikeEdifact(byte[] raw) {
        int i = skipBlanks(raw, 0);
        return raw.length - i >= 3 && raw[i] == 'U' && raw[i + 1] == 'N' && (raw[i + 2] == 'A' || raw[i + 2] == 'B');
    }

    public CheckedInterchange check(byte[] raw) {
        List<Finding> findings = new ArrayList<>();
        int begin = skipBlanks(raw, 0);
        if (begin >= raw.length) {
            return failed(findings, new Finding(EdifactFinding.EMPTY_INPUT, 0, null, raw.length + " bytes"));
        }
        if (raw.length > limits.maxInterchangeBytes()) {
            return tooLarge(raw.length, java.util.Arrays.copyOf(raw, (int) Math.min(HEADER_PROBE_BYTES, raw.length)));
        }
        int control = firstControlByte(raw, 0, raw.length);
        if (control >= 0) {
            return failed(findings, binaryContent(raw[control], control));
        }
        Opening o = open(raw);
        if (o.refused() != null) {
            return o.refused();
        }
        String text;
        try {
            text = decoder(o.charset()).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstBadByte(raw, o.charset());
            // the bytes before the bad one decode: they say whose interchange it is and in which segment it lies
            CheckedInterchange before = check(java.util.Arrays.copyOf(raw, offset));
            Finding cut = before.findings().stream().filter(f -> f.kind() == EdifactFinding.TRUNCATED).findFirst().orElse(null);
            findings.add(new Finding(EdifactFinding.INVALID_CHARACTER, cut == null ? 0 : cut.segmentPosition(),
                    cut == null ? null : cut.segmentTag(), String.format("byte 0x%02X at offset %d is not valid %s (%s)",
                    raw[offset] & 0xff, offset, o.syntaxId(), o.charset().name())));
            return new CheckedInterchange(o.charset(), "", o.separators(), o.hasUna(), before.header(), List.of(), findings);
        }
        ScanText scanned = ScanText.of(text);
        return checkText(scanned, o.syntaxId(), o.charset(), o.separators(), o.hasUna(),
                o.hasUna() ? indexAfterUna(scanned) : 0, MessageSink.keepingAll(text));
    }

    /**
     * The same checks on an interchange read from a stream of {@code size} bytes, holding about one message
     * in memory at a time: {@code visitor} (may be null) gets each message as an interchange of its own as
     * soon as it is read. The result names every finding, but keeps only the messages that have findings.
     */
    public EnvelopeScan scan(java.io.InputStream raw, long size, EnvelopeScan.Visitor visitor) {
        byte[] head;
        try {
            head = raw.readNBytes(streamHeadBytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the interchange", e);
        }
        if (head.length < streamHeadBytes) {
            return EnvelopeScan.of(check(head), visitor); // all of it is in memory already
        }
        if (size > limits.maxInterchangeBytes()) {
            return EnvelopeScan.of(tooLarge(size, head), null);
        }
        int control = firstControlByte(head, 0, head.length);
        if (control >= 0) {
            return EnvelopeScan.of(failed(new ArrayList<>(), binaryContent(head[control], control)), null);
        }
        Opening o = open(head);
        if (o.refused() != null) {
            return EnvelopeScan.of(o.refused(), null);
        }
        StreamText text = new StreamText(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), raw), o.charset(),
                streamReadBytes);
        MessageSink.Streamed sink = new MessageSink.Streamed(o.separators(), visitor);
        CheckedInterchange checked = checkText(text, o.syntaxId(), o.charset(), o.separators(), o.hasUna(),
                o.hasUna() ? indexAfterUna(text) : 0, sink);
        return sink.scan(checked);
    }

    /** Index of the first byte in {@code [from, to)} below 0x20 other than CR, LF and tab; -1 when there is none. */
    static int firstControlByte(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = raw[i] & 0xff;
            if (b < 0x20 && b != '\r' && b != '\n' && b != '\t') {
                return i;
            }
        }
        return -1;
    }

    private static Finding binaryContent(byte value, long offset) {
        return new Finding(EdifactFinding.BINARY_CONTENT, 0, null, String.format("byte 0x%02X at offset %d", value & 0xff, offset));
    }

    /** Refused unread; its UNB, if the first bytes hold one, still says whose and which it is. */
    private CheckedInterchange tooLarge(long size, byte[] head) {
        byte[] probe = java.util.Arrays.copyOf(head, (int) Math.min(Math.min(HEADER_PROBE_BYTES, limits.maxInterchangeBytes()), head.length));
        InterchangeHeader header = check(probe).header();
        return new CheckedInterchange(StandardCharsets.ISO_8859_1, "", Separators.DEFAULT, false, header, List.of(),
                List.of(new Finding(EdifactFinding.INTERCHANGE_TOO_LARGE, 0, null, size + " bytes; the limit is "
                        + limits.maxInterchangeBytes() + " (aval.limits.max-interchange-bytes)")));
    }

    /** What the first bytes say: the separators and the character set, or the finding that refuses the rest. */
    private record Opening(Separators separators, boolean hasUna, String syntaxId, Charset charset, CheckedInterchange refused) {
        static Opening refusing(Finding f) {
            return new Opening(null, false, null, null, failed(new ArrayList<>(), f));
        }
    }

    private static Opening open(byte[] raw) {
        int begin = skipBlanks(raw, 0);
        if (!looksLikeEdifact(raw)) {
            return Opening.refusing(new Finding(EdifactFinding.NOT_EDIFACT, 0, null,
                    "starts with \"" + printable(raw, begin, 20) + "\""));
        }
        Separators separators = Separators.DEFAULT;
        boolean hasUna = raw[begin + 2] == 'A';
        int unbAt = begin;
        if (hasUna) {
            if (raw.length - begin < 9) {
                return Opening.refusing(new Finding(EdifactFinding.UNA_INVALID, 1, "UNA", "shorter than 9 characters"));
            }
            separators = Separators.fromUna(new String(raw, begin, 9, StandardCharsets.ISO_8859_1));
            String problem = unaProblem(separators);
            if (problem != null) {
                return Opening.refusing(new Finding(EdifactFinding.UNA_INVALID, 1, "UNA", problem));
            }
            unbAt = skipBlanks(raw, begin + 9);
        }
        // The syntax identifier (UNOA..UNOY) names the character set; it sits right after "UNB+".
        if (raw.length - unbAt < 8 || raw[unbAt] != 'U' || raw[unbAt + 1] != 'N' || raw[unbAt + 2] != 'B') {
            return Opening.refusing(new Finding(EdifactFinding.UNB_INVALID, hasUna ? 2 : 1, "UNB",
                    "UNB must follow " + (hasUna ? "UNA" : "the start of the file")));
        }
        String syntaxId = new String(raw, unbAt + 4, 4, StandardCharsets.ISO_8859_1);
        Charset charset = CHARSETS.get(syntaxId);
        if (charset == null) {
            return Opening.refusing(new Finding(EdifactFinding.SYNTAX_NOT_SUPPORTED, hasUna ? 2 : 1, "UNB",
                    "syntax identifier '" + syntaxId + "' (supported: " + String.join(", ", CHARSETS.keySet().stream().sorted().toList()) + ")"));
        }
        return new Opening(separators, hasUna, syntaxId, charset, null);
    }

    /**
     * Walks the segments of {@code text}, handing each message to {@code messages} as soon as its end is
     * known (and releasing the text before it); the result holds the messages {@code messages} kept.
     */
    private CheckedInterchange checkText(ScanText text, String syntaxId, Charset charset, Separators separators, boolean hasUna,
                                         int start, MessageSink messages) {
        List<Finding> findings = new ArrayList<>();
        SegmentLexer lexer = new SegmentLexer(text, separators, start, limits.maxSegmentBytes());
        int offset = hasUna ? 1 : 0; // UNA counts as segment 1 in positions reported to people
        InterchangeHeader header = null;
        MessageBuilder open = null;
        boolean unzSeen = false;
        int groups = 0;
        try {
            Segment s;
            while ((s = shift(lexer.next(), offset)) != null) {
                if (open == null) {
                    text.release(s.start()); // between messages nothing before this segment is needed again
                }
                if (header == null) {
                    header = readHeader(s, findings);
                    if (header == null) {
                        return messages.result(charset, separators, hasUna, null, findings);
                    }
                    messages.header(text, header);
                    continue;
                }
                if (unzSeen) {
                    findings.add(Finding.of(EdifactFinding.SEGMENT_OUTSIDE_MESSAGE, s, "after UNZ"));
                    break;
                }
                switch (s.tag()) {
                    case "UNH" -> {
                        if (open != null) {
                            messages.add(text, open.missingTrailer(s));
                        }
                        text.release(s.start());
                        open = new MessageBuilder(messages.count() + 1, s);
                    }
                    case "UNT" -> {
                        if (open == null) {
                            findings.add(Finding.of(EdifactFinding.SEGMENT_OUTSIDE_MESSAGE, s, "UNT without UNH"));
                        } else {
                            messages.add(text, open.close(s));
                            open = null;
                        }
                    }
                    case "UNG" -> groups++;
                    case "UNE" -> { }
                    case "UNZ" -> {
                        if (open != null) {
                            messages.add(text, open.missingTrailer(s));
                            open = null;
                        }
                        unzSeen = true;
                        checkTrailer(s, header, groups > 0 ? groups : messages.count(), groups > 0 ? "groups" : "messages", findings);
                    }
                    default -> {
                        if (open == null) {
                            findings.add(Finding.of(EdifactFinding.SEGMENT_OUTSIDE_MESSAGE, s, "between messages"));
                        } else {
                            open.add(s);
                            if (open.count >= limits.maxMessageSegments()) {
                                // UNT would make one more: stop reading here rather than walk the rest
                                findings.add(Finding.of(EdifactFinding.TOO_MANY_SEGMENTS, s, "message " + open.unh.value(1)
                                        + " (UNH at segment " + open.unh.position() + ") goes on past "
                                        + limits.maxMessageSegments() + " segments (aval.limits.max-message-segments)"));
                                messages.add(text, open.truncated());
                                return messages.result(charset, separators, hasUna, header, findings);
                            }
                        }
                    }
                }
            }
        } catch (SegmentLexer.UnterminatedSegmentException e) {
            findings.add(new Finding(EdifactFinding.TRUNCATED, e.position + offset, e.tag,
                    "the file ends inside segment " + (e.position + offset) + " (no segment terminator '"
                            + separators.terminator() + "')"));
            if (open != null) {
                messages.add(text, open.truncated());
            }
            return messages.result(charset, separators, hasUna, header, findings);
        } catch (SegmentLexer.UnreadableSegmentException e) {
            if (e.bytes.binary) {
                return messages.result(StandardCharsets.ISO_8859_1, Separators.DEFAULT, false, null, List.of(
                        new Finding(EdifactFinding.BINARY_CONTENT, 0, null, e.bytes.getMessage())));
            }
            findings.clear();
            findings.add(new Finding(EdifactFinding.INVALID_CHARACTER, e.position == 0 ? 0 : e.position + offset,
                    e.position == 0 ? null : e.tag, String.format("byte 0x%02X at offset %d is not valid %s (%s)",
                    e.bytes.value, e.bytes.offset, syntaxId, charset.name())));
            return messages.result(charset, separators, hasUna, header, findings);
        } catch (SegmentLexer.SegmentTooLongException e) {
            findings.add(new Finding(EdifactFinding.SEGMENT_TOO_LARGE, e.position + offset, e.tag, "segment "
                    + (e.position + offset) + " runs on past " + e.limit + " characters (aval.limits.max-segment-bytes)"));
            if (open != null) {
                messages.add(text, open.truncated());
            }
            return messages.result(charset, separators, hasUna, header, findings);
        }
        if (header == null) {
            findings.add(new Finding(EdifactFinding.UNB_INVALID, 0, null, "no UNB segment"));
        } else if (!unzSeen) {
            if (open != null) {
                messages.add(text, open.truncated());
            }
            findings.add(new Finding(EdifactFinding.UNZ_MISSING, lexer.position() + offset, null,
                    "the interchange ends after segment " + (lexer.position() + offset) + " without UNZ"));
        } else if (messages.count() == 0) {
            findings.add(new Finding(EdifactFinding.NO_MESSAGE, 0, null, null));
        }
        return messages.result(charset, separators, hasUna, header, findings);
    }

    private static Segment shift(Segment s, int offset) {
        return s == null || offset == 0 ? s : new Segment(s.tag(), s.elements(), s.position() + offset, s.start(), s.end());
    }

    private static InterchangeHeader readHeader(Segment s, List<Finding> findings) {
        if (!"UNB".equals(s.tag())) {
            findings.add(Finding.of(EdifactFinding.UNB_INVALID, s, "first segment is " + s.tag()));
            return null;
        }
        String syntaxId = s.value(1, 0);
        String version = s.value(1, 1);
        String sender = s.value(2, 0);
        String recipient = s.value(3, 0);
        String date = s.value(4, 0);
        String ref = s.value(5, 0);
        List<String> missing = new ArrayList<>();
        if (version.isEmpty()) missing.add("syntax version (S001/0002)");
        if (sender.isEmpty()) missing.add("sender (S002/0004)");
        if (recipient.isEmpty()) missing.add("recipient (S003/0010)");
        if (date.isEmpty()) missing.add("date (S004/0017)");
        if (ref.isEmpty()) missing.add("control reference (0020)");
        if (!missing.isEmpty()) {
            findings.add(Finding.of(EdifactFinding.UNB_INVALID, s, "missing " + String.join(", ", missing)));
            return null;
        }
        if (!CHARSETS.containsKey(syntaxId)) {
            // the bytes after "UNB+" named a known one, but the element as separated says otherwise
            findings.add(Finding.of(EdifactFinding.SYNTAX_NOT_SUPPORTED, s, "syntax identifier '" + syntaxId + "'"));
            return null;
        }
        if (!version.matches("[1-4]")) {
            findings.add(Finding.of(EdifactFinding.SYNTAX_NOT_SUPPORTED, s, "syntax version '" + version + "'"));
            return null;
        }
        if (EdifactDates.parseUnbDate(date) == null) {
            findings.add(Finding.of(EdifactFinding.UNB_INVALID, s, "date '" + date + "' is not YYMMDD/CCYYMMDD"));
            return null;
        }
        return new InterchangeHeader(syntaxId, version, sender, s.value(2, 1), recipient, s.value(3, 1), date,
                s.value(4, 1), ref, s.value(7, 0), s.value(9, 0), s.value(11, 0), s);
    }

    private static void checkTrailer(Segment unz, InterchangeHeader header, int count, String what, List<Finding> findings) {
        String declared = unz.value(1);
        String ref = unz.value(2);
        if (!ref.equals(header.controlRef())) {
            findings.add(Finding.of(EdifactFinding.UNZ_REFERENCE_MISMATCH, unz,
                    "UNZ says '" + ref + "', UNB says '" + header.controlRef() + "'"));
        }
        if (!declared.equals(Integer.toString(count))) {
            findings.add(Finding.of(EdifactFinding.UNZ_COUNT_MISMATCH, unz,
                    "UNZ counts " + (declared.isEmpty() ? "nothing" : declared) + " " + what + ", the interchange has " + count));
        }
    }

    /** Gathers one message's segments while the lexer walks the interchange. */
    private static final class MessageBuilder {
        private final int seq;
        private final Segment unh;
        private int count = 1;
        private Segment last;
        private String documentNumber;
        private String documentFunction;
        private LocalDate documentDate;
        private final List<Finding> findings = new ArrayList<>();

        MessageBuilder(int seq, Segment unh) {
            this.seq = seq;
            this.unh = unh;
            this.last = unh;
            if (unh.value(1).isEmpty() || unh.value(2, 0).isEmpty() || unh.value(2, 1).isEmpty() || unh.value(2, 2).isEmpty()) {
                findings.add(Finding.of(EdifactFinding.UNH_INVALID, unh,
                        "needs a reference (0062) and a message identifier type:version:release (S009)"));
            }
        }

        void add(Segment s) {
            count++;
            last = s;
            if (!isTag(s.tag())) {
                findings.add(Finding.of(EdifactFinding.INVALID_SEGMENT_TAG, s, "'" + s.tag() + "'"));
            }
            if ("BGM".equals(s.tag()) && documentNumber == null) {
                documentNumber = s.value(2, 0);
                documentFunction = s.value(1, 0);
            } else if ("DTM".equals(s.tag()) && documentDate == null && "137".equals(s.value(1, 0))) {
                documentDate = EdifactDates.parse(s.value(1, 1), s.value(1, 2));
            }
        }

        /** Three upper-case letters or digits; by hand, as it runs once per segment (String.matches compiles a pattern each call). */
        private static boolean isTag(String tag) {
            if (tag.length() != 3) {
                return false;
            }
            for (int i = 0; i < 3; i++) {
                char c = tag.charAt(i);
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                    return false;
                }
            }
            return true;
        }

        MessageSlice close(Segment unt) {
            count++;
            String declared = unt.value(1);
            String ref = unt.value(2);
            if (!ref.equals(unh.value(1))) {
                findings.add(Finding.of(EdifactFinding.UNT_REFERENCE_MISMATCH, unt,
                        "UNT says '" + ref + "', UNH says '" + unh.value(1) + "'"));
            }
            if (!declared.equals(Integer.toString(count))) {
                findings.add(Finding.of(EdifactFinding.UNT_SEGMENT_COUNT_MISMATCH, unt,
                        "UNT counts " + (declared.isEmpty() ? "nothing" : declared) + " segments, message "
                                + unh.value(1) + " has " + count + " (UNH to UNT)"));
            }
            return build(unt.end());
        }

        MessageSlice missingTrailer(Segment next) {
            findings.add(Finding.of(EdifactFinding.UNT_MISSING, next,
                    "message " + unh.value(1) + " (UNH at segment " + unh.position() + ") has no UNT before " + next.tag()));
            return build(last.end());
        }

        MessageSlice truncated() {
            findings.add(Finding.of(EdifactFinding.UNT_MISSING, last,
                    "message " + unh.value(1) + " (UNH at segment " + unh.position() + ") is cut short"));
            return build(last.end());
        }

        private MessageSlice build(int end) {
            return new MessageSlice(seq, unh.value(1), unh.value(2, 0), unh.value(2, 1), unh.value(2, 2),
                    unh.value(2, 3), unh.value(2, 4), unh.position(), count, unh.start(), end,
                    documentNumber, documentFunction, documentDate, List.copyOf(findings));
        }
    }

    private static CheckedInterchange failed(List<Finding> findings, Finding f) {
        findings.add(f);
        return new CheckedInterchange(StandardCharsets.ISO_8859_1, "", Separators.DEFAULT, false, null, List.of(), findings);
    }

    private static String unaProblem(Separators s) {
        char[] service = {s.component(), s.element(), s.release(), s.terminator()};
        for (int i = 0; i < service.length; i++) {
            for (int j = i + 1; j < service.length; j++) {
                if (service[i] == service[j]) {
                    return "service character '" + service[i] + "' is used twice";
                }
            }
        }
        return null;
    }

    private static int indexAfterUna(ScanText text) {
        int i = 0;
        while (text.has(i) && Character.isWhitespace(text.at(i))) {
            i++;
        }
        return i + 9;
    }

    private static int skipBlanks(byte[] raw, int from) {
        int i = from;
        if (i == 0 && raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < raw.length && (raw[i] == ' ' || raw[i] == '\r' || raw[i] == '\n' || raw[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int firstBadByte(byte[] raw, Charset charset) {
        CharsetDecoder decoder = decoder(charset);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(raw.length + 1);
        ByteBuffer in = ByteBuffer.wrap(raw);
        var result = decoder.decode(in, out, true);
        return result.isError() ? Math.min(in.position(), raw.length - 1) : 0;
    }

    private static String printable(byte[] raw, int from, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < raw.length && s.length() < max; i++) {
            int b = raw[i] & 0xff;
            s.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return s.toString();
    }
}
