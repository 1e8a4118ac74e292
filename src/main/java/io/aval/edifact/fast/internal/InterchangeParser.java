package io.aval.edifact.fast.internal;

import io.aval.edifact.fast.EdifactReadException;
import io.aval.edifact.fast.EdifactReadException.Code;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one interchange and hands it on as SAX events in the stock reader's shape, one message at a time: the
 * envelope goes out as it is read, each message once its UNT is reached (so memory holds one message, whatever
 * the size of the interchange).
 */
public final class InterchangeParser {

    /** what to do with a message the schema pack cannot structure */
    public enum BadMessagePolicy {
        /** throw {@link EdifactReadException} (default: the stock BadMessage is a failure the gateway must not pass on) */
        REJECT,
        /** emit {@code <BadMessage>} with hex-encoded segments, byte for byte what the stock reader emits */
        EMIT
    }

    /** receives the interchange; the default sends everything to one content handler */
    public interface Sink {
        void envelope(EventBuffer events) throws SAXException;

        void message(EventBuffer events, MessageInfo info) throws SAXException;
    }

    /** what the per-message callback needs to know about a message besides its XML */
    public static final class MessageInfo {
        public final int index;
        public final String type;
        public final String reference;
        public final String interchangeReference;
        public final int firstSegmentPosition;
        public final boolean bad;

        MessageInfo(int index, String type, String reference, String interchangeReference, int firstSegmentPosition, boolean bad) {
            this.index = index;
            this.type = type;
            this.reference = reference;
            this.interchangeReference = interchangeReference;
            this.firstSegmentPosition = firstSegmentPosition;
            this.bad = bad;
        }
    }

    private final SchemaPack pack;
    private final Set<String> messageTypes;
    private final BadMessagePolicy badMessagePolicy;
    private final String charsetOverride;

    /**
     * @param messageTypes   the accepted message types (like the stock {@code messageTypes}); empty accepts every type of the pack
     * @param charsetOverride null to decode with the character set the UNB declares, or a charset name to force one
     *                        ("UTF-8" is what the stock reader does, whatever UNB says)
     */
    public InterchangeParser(SchemaPack pack, Set<String> messageTypes, BadMessagePolicy badMessagePolicy, String charsetOverride) {
        this.pack = pack;
        this.messageTypes = messageTypes;
        this.badMessagePolicy = badMessagePolicy;
        this.charsetOverride = charsetOverride;
    }

    public SchemaPack pack() {
        return pack;
    }

    /** the whole interchange as one document to a content handler */
    public void parse(InputStream in, ContentHandler handler) throws IOException, SAXException {
        int known = in.available();
        BufferedInputStream bin = new BufferedInputStream(in, bufferBytes(known));
        Charset cs = detectCharset(bin);
        DocumentSink sink = new DocumentSink(handler, pack);
        parse(new InputStreamReader(bin, cs), cs, sink, known);
        sink.finish();
    }

    private static final int BUFFER_BYTES = 65536;

    /**
     * The read buffer for an input of {@code known} bytes ({@link InputStream#available()}: exact for a message in
     * memory, a lower bound or 0 for a stream): small inputs do not claim, and clear, 64 KiB each.
     */
    static int bufferBytes(int known) {
        // known may be Integer.MAX_VALUE (a stream that cannot tell more): no arithmetic on it before the comparison
        return known > 0 && known < BUFFER_BYTES - 16 ? Math.max(256, known + 16) : BUFFER_BYTES;
    }

    public void parse(Reader reader, ContentHandler handler) throws IOException, SAXException {
        DocumentSink sink = new DocumentSink(handler, pack);
        parse(reader, StandardCharsets.UTF_8, sink);
        sink.finish();
    }

    public void parse(InputStream in, Sink sink) throws IOException, SAXException {
        int known = in.available();
        BufferedInputStream bin = new BufferedInputStream(in, bufferBytes(known));
        Charset cs = detectCharset(bin);
        parse(new InputStreamReader(bin, cs), cs, sink, known);
    }

    /** sends the envelope and each message to the sink; the document start/end is the sink's business */
    public void parse(Reader reader, Charset charset, Sink sink) throws IOException, SAXException {
        parse(reader, charset, sink, 0);
    }

    /** {@link #parse(Reader, Charset, Sink)} of an input of about {@code expectedChars} characters (0: unknown) */
    private void parse(Reader reader, Charset charset, Sink sink, int expectedChars) throws IOException, SAXException {
        EdifactLexer lexer = new EdifactLexer(reader, expectedChars);
        lexer.readServiceStringAdvice();
        Delimiters d = lexer.delimiters();
        if (lexer.unaPresent() && d.decimal != '.') {
            throw new EdifactReadException(Code.UNSUPPORTED_SYNTAX_VERSION, 0, "UNA",
                    "decimal mark '.' (the stock reader fails on any other)", "'" + d.decimal + "'");
        }
        SegmentEmitter emitter = new SegmentEmitter(d);
        EventBuffer env = new EventBuffer();
        EventBuffer msg = new EventBuffer();
        MessageStructurer structurer = new MessageStructurer();

        if (lexer.unaPresent()) {
            env.start("UNA");
            env.leaf("CompositeSeparator", String.valueOf(d.component));
            env.leaf("FieldSeparator", String.valueOf(d.data));
            env.leaf("DecimalSeparator", String.valueOf(d.decimal));
            env.leaf("EscapeCharacter", String.valueOf(d.release));
            env.leaf("RepeatSeparator", String.valueOf(d.repetitionAsDeclared));
            env.leaf("SegmentTerminator", String.valueOf(d.terminator));
            env.end();
        }
        RawSegment seg;
        try {
            seg = lexer.next();
        } catch (EdifactReadException e) {
            if (e.code() == Code.TRUNCATED && !"UNB".equalsIgnoreCase(e.segmentTag())) {
                throw new EdifactReadException(Code.NOT_EDIFACT, 1, null, "UNB interchange header", e.found());
            }
            throw e;
        }
        if (seg == null || !is(seg, "UNB")) {
            throw new EdifactReadException(Code.NOT_EDIFACT, seg == null ? 0 : seg.position, seg == null ? null : seg.tag,
                    "UNB interchange header", seg == null ? "end of input" : "'" + abbreviate(seg.toString()) + "'");
        }
        List<String> parts = new ArrayList<>();
        String syntaxVersion = component(emitter, seg.body, 0, 1, parts);
        if (!"3".equals(syntaxVersion) && !"4".equals(syntaxVersion)) {
            throw new EdifactReadException(Code.UNSUPPORTED_SYNTAX_VERSION, seg.position, "UNB",
                    "syntax version 3 or 4", "'" + syntaxVersion + "'");
        }
        String interchangeRef = component(emitter, seg.body, 4, 0, parts);
        envelopeSegment(emitter, "UNB", seg, env);
        sink.envelope(env);

        List<RawSegment> body = new ArrayList<>();
        int messageIndex = 0;
        seg = lexer.next();
        boolean groups = seg != null && is(seg, "UNG");
        do {
            if (groups) {
                if (seg == null || !is(seg, "UNG")) {
                    throw unexpected(seg, "UNG functional group header");
                }
                env.clear();
                env.start("FunctionGroup");
                envelopeSegment(emitter, "UNG", seg, env);
                sink.envelope(env);
                seg = lexer.next();
            }
            int inThisLevel = 0;
            while (seg != null && is(seg, "UNH")) {
                msg.clear();
                msg.startQualified("Message");
                envelopeSegment(emitter, "UNH", seg, msg);
                String type = component(emitter, seg.body, 1, 0, parts);
                String ref = component(emitter, seg.body, 0, 0, parts);
                int firstPosition = seg.position;
                body.clear();
                while (true) {
                    seg = lexer.next();
                    if (seg == null) {
                        throw new EdifactReadException(Code.TRUNCATED, firstPosition, "UNH", "UNT message trailer", "end of input");
                    }
                    if (is(seg, "UNT")) {
                        break;
                    }
                    if (is(seg, "UNZ") || is(seg, "UNH") || is(seg, "UNE") || is(seg, "UNG")) {
                        throw new EdifactReadException(Code.ENVELOPE, seg.position, seg.tag,
                                "UNT trailer of message " + ref, seg.tag);
                    }
                    body.add(seg);
                }
                boolean bad = false;
                int mark = msg.mark();
                if (!typeAccepted(type)) {
                    bad = true;
                    if (badMessagePolicy == BadMessagePolicy.REJECT) {
                        throw new EdifactReadException(Code.UNKNOWN_MESSAGE_TYPE, firstPosition, "UNH",
                                "one of the message types " + (messageTypes.isEmpty() ? "of " + pack.version : messageTypes),
                                "'" + type + "'");
                    }
                } else {
                    try {
                        msg.startQualified(type);
                        structurer.structure(pack.message(type), body, emitter, msg);
                        msg.end();
                    } catch (MessageStructurer.StructureFault f) {
                        bad = true;
                        if (badMessagePolicy == BadMessagePolicy.REJECT) {
                            RawSegment at = f.segmentIndex < body.size() ? body.get(f.segmentIndex) : seg;
                            throw new EdifactReadException(f.missing ? Code.MISSING_SEGMENT : Code.UNEXPECTED_SEGMENT,
                                    at.position, at.tag, f.expected + " in " + type, at.tag);
                        }
                    } catch (UnreadableInterchange u) {
                        RawSegment at = findFaulty(body, emitter, structurer, type);
                        throw new EdifactReadException(Code.BAD_DATA_ELEMENT, at.position, at.tag, u.expected, u.found);
                    } catch (DataFault f) {
                        bad = true;
                        if (badMessagePolicy == BadMessagePolicy.REJECT) {
                            RawSegment at = findFaulty(body, emitter, structurer, type);
                            throw new EdifactReadException(Code.BAD_DATA_ELEMENT, at.position, at.tag, f.expected, f.found);
                        }
                    }
                }
                if (bad) {
                    msg.reset(mark);
                    badMessage(emitter, body, charset, msg);
                }
                envelopeSegment(emitter, "UNT", seg, msg);
                msg.end();
                sink.message(msg, new MessageInfo(messageIndex++, type, ref, interchangeRef, firstPosition, bad));
                inThisLevel++;
                seg = lexer.next();
            }
            if (inThisLevel == 0) {
                throw unexpected(seg, "UNH message header");
            }
            if (groups) {
                if (seg == null || !is(seg, "UNE")) {
                    throw unexpected(seg, "UNE functional group trailer");
                }
                env.clear();
                envelopeSegment(emitter, "UNE", seg, env);
                env.end();
                sink.envelope(env);
                seg = lexer.next();
                if (seg != null && is(seg, "UNZ")) {
                    break;
                }
            }
        } while (groups);
        if (seg == null || !is(seg, "UNZ")) {
            throw unexpected(seg, "UNZ interchange trailer");
        }
        env.clear();
        envelopeSegment(emitter, "UNZ", seg, env);
        sink.envelope(env);
        if (!lexer.atEnd()) {
            throw new EdifactReadException(Code.ENVELOPE, seg.position + 1, null, "end of input after UNZ", "more data");
        }
    }

    private RawSegment findFaulty(List<RawSegment> body, SegmentEmitter emitter, MessageStructurer structurer, String type) {
        // the fault came from one segment; find it by emitting segment by segment into a scratch buffer
        EventBuffer scratch = new EventBuffer();
        for (RawSegment s : body) {
            try {
                structurer.structure(pack.message(type), body.subList(0, body.indexOf(s) + 1), emitter, scratch);
            } catch (MessageStructurer.StructureFault ignored) {
                // a missing mandatory segment further on: not this segment's fault
            } catch (DataFault | UnreadableInterchange e) {
                return s;
            }
            scratch.clear();
        }
        return body.isEmpty() ? new RawSegment("UNT", "", 0) : body.get(body.size() - 1);
    }

    private boolean typeAccepted(String type) {
        return pack.hasMessage(type) && (messageTypes.isEmpty() || messageTypes.contains(type));
    }

    private static void badMessage(SegmentEmitter emitter, List<RawSegment> body, Charset charset, EventBuffer out) {
        out.startQualified("BadMessage");
        for (RawSegment s : body) {
            String full = s.tag + emitter.unescape(s.body);
            int cut = Math.min(3, full.length());
            out.start("Segment");
            out.leaf("Name", full.substring(0, cut));
            out.leaf("Data", hex(full.substring(cut).getBytes(charset)));
            out.end();
        }
        out.end();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static String hex(byte[] bytes) {
        char[] c = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            c[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            c[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(c);
    }

    private void envelopeSegment(SegmentEmitter emitter, String tag, RawSegment seg, EventBuffer out) {
        try {
            emitter.emit(tag, pack.serviceSegment(tag), seg.body, out);
        } catch (DataFault f) {
            throw new EdifactReadException(Code.ENVELOPE, seg.position, seg.tag, f.expected, f.found);
        } catch (UnreadableInterchange u) {
            throw new EdifactReadException(Code.BAD_DATA_ELEMENT, seg.position, seg.tag, u.expected, u.found);
        }
    }

    private static EdifactReadException unexpected(RawSegment seg, String expected) {
        if (seg == null) {
            return new EdifactReadException(Code.TRUNCATED, 0, null, expected, "end of input");
        }
        return new EdifactReadException(Code.ENVELOPE, seg.position, seg.tag, expected, "'" + abbreviate(seg.toString()) + "'");
    }

    private static String component(SegmentEmitter emitter, String body, int field, int component, List<String> parts) {
        parts.clear();
        if (body.isEmpty()) {
            return "";
        }
        emitter.split(body, 1, body.charAt(0), parts);
        if (field >= parts.size()) {
            return "";
        }
        String f = parts.get(field);
        parts.clear();
        emitter.splitComponents(f, parts);
        return component < parts.size() ? emitter.unescape(parts.get(component)) : "";
    }

    private static boolean is(RawSegment seg, String tag) {
        return seg.tag.equalsIgnoreCase(tag);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** the character set the UNB syntax identifier declares (UNOA..UNOC: ISO-8859-1, UNOW/UNOY: UTF-8) */
    private Charset detectCharset(BufferedInputStream in) throws IOException {
        if (charsetOverride != null) {
            return Charset.forName(charsetOverride);
        }
        in.mark(64);
        byte[] head = new byte[32];
        int n = 0;
        int r;
        while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
            n += r;
        }
        in.reset();
        String s = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        int unb = s.indexOf("UNB");
        if (unb < 0) {
            unb = s.toUpperCase(java.util.Locale.ROOT).indexOf("UNB");
        }
        if (unb >= 0 && unb + 8 <= s.length()) {
            return charsetFor(s.substring(unb + 4, unb + 8).toUpperCase(java.util.Locale.ROOT));
        }
        return StandardCharsets.ISO_8859_1;
    }

    public static Charset charsetFor(String syntaxIdentifier) {
        switch (syntaxIdentifier) {
            case "UNOW":
            case "UNOY":
                return StandardCharsets.UTF_8;
            case "UNOD":
                return Charset.forName("ISO-8859-2");
            case "UNOE":
                return Charset.forName("ISO-8859-5");
            case "UNOF":
                return Charset.forName("ISO-8859-7");
            default:
                return StandardCharsets.ISO_8859_1;
        }
    }

    /** one document: the interchange element around envelope and messages */
    static final class DocumentSink implements Sink {
        private final ContentHandler handler;
        private final SchemaPack pack;
        private boolean started;

        DocumentSink(ContentHandler handler, SchemaPack pack) {
            this.handler = handler;
            this.pack = pack;
        }

        @Override
        public void envelope(EventBuffer events) throws SAXException {
            if (!started) {
                started = true;
                handler.startDocument();
                handler.startPrefixMapping(pack.version, pack.namespace);
                // the stock reader also passes the declaration as an attribute; Smooks serialises it from there
                org.xml.sax.helpers.AttributesImpl attrs = new org.xml.sax.helpers.AttributesImpl();
                attrs.addAttribute("http://www.w3.org/2000/xmlns/", pack.version, "xmlns:" + pack.version, "CDATA", pack.namespace);
                handler.startElement(pack.namespace, "Interchange", pack.version + ":Interchange", attrs);
            }
            events.replay(handler, pack.namespace, pack.version);
            events.clear();
        }

        @Override
        public void message(EventBuffer events, MessageInfo info) throws SAXException {
            events.replay(handler, pack.namespace, pack.version);
            events.clear();
        }

        void finish() throws SAXException {
            handler.endElement(pack.namespace, "Interchange", pack.version + ":Interchange");
            handler.endPrefixMapping(pack.version);
            handler.endDocument();
        }
    }
}
