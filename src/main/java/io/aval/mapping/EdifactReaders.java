package io.aval.mapping;

import io.aval.edifact.EdifactFinding;
import io.aval.edifact.Finding;
import java.io.ByteArrayInputStream;
import io.aval.edifact.EnvelopeChecker;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.smooks.Smooks;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.StreamSource;

/**
 * The Smooks EDIFACT readers, one per directory and reader kind, each built once from its
 * config file {@code mappings/edifact/<directory>/parse-<reader>.smooks.xml} and shared by all
 * threads (a Smooks instance is thread-safe once built). The stock reader compiles its DFDL
 * schema for tens of seconds, so built readers are kept for the life of the JVM, keyed by the
 * config file and its modification time: a gateway restarted in the same JVM (tests, bench)
 * does not pay twice, and an edited config is rebuilt.
 */
public final class EdifactReaders implements AutoCloseable {

    private record Key(Path config, long modified) {
    }

    private static final Map<Key, Smooks> INSTANCES = new ConcurrentHashMap<>();

    private final Path mappingsDir;
    private final String defaultReader;

    public EdifactReaders(Path mappingsDir, String defaultReader) {
        this.mappingsDir = mappingsDir;
        this.defaultReader = defaultReader;
    }

    /** The config file for a directory ("D96A") and reader ("stock", "aval"; null for the default). */
    public Path configFor(String directory, String reader) {
        String kind = reader == null || reader.isBlank() ? defaultReader : reader;
        return mappingsDir.resolve("edifact").resolve(directory.toLowerCase(Locale.ROOT))
                .resolve("parse-" + kind.toLowerCase(Locale.ROOT) + ".smooks.xml");
    }

    public boolean supports(String directory, String reader) {
        return Files.isRegularFile(configFor(directory, reader));
    }

    /**
     * Reads one standalone interchange (one message) into the stock reader's XML shape.
     *
     * @throws MessageRejectedException when the reader cannot structure the message
     */
    public String read(String interchange, String directory, String reader) {
        Path config = configFor(directory, reader);
        Smooks smooks = instance(config);
        StringSink sink = new StringSink();
        filter(smooks, encode(interchange, inputCharset(reader == null || reader.isBlank() ? defaultReader : reader, interchange)),
                sink, directory);
        String xml = sink.getResult();
        if (xml.contains(":BadMessage")) {
            throw badMessage(directory);
        }
        return xml;
    }

    /**
     * {@link #read(String, String, String)} into {@code handler} as SAX events: the Aval reader's filter bypass hands
     * them over without writing and re-parsing text; a config Smooks does not bypass (the stock reader, a config with
     * other visitors) is read to text and parsed into the handler, the same document either way.
     *
     * @throws MessageRejectedException when the reader cannot structure the message
     */
    public void read(String interchange, String directory, String reader, org.xml.sax.ContentHandler handler) {
        String name = reader == null || reader.isBlank() ? defaultReader : reader;
        if (!"stock".equalsIgnoreCase(name)) {
            Smooks smooks = instance(configFor(directory, reader));
            BadMessageWatch watch = new BadMessageWatch(handler);
            io.aval.edifact.fast.ContentHandlerSink sink = new io.aval.edifact.fast.ContentHandlerSink(watch);
            filter(smooks, encode(interchange, inputCharset(name, interchange)), sink, directory);
            if (sink.written()) {
                if (watch.seen) {
                    throw badMessage(directory);
                }
                return;
            }
        }
        String xml = read(interchange, directory, reader);
        try {
            javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            org.xml.sax.XMLReader parser = factory.newSAXParser().getXMLReader();
            parser.setContentHandler(handler);
            parser.parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException e) {
            throw new MessageRejectedException(new Finding(EdifactFinding.MESSAGE_STRUCTURE, 0, null,
                    directory + " reader: its XML is not readable: " + rootCause(e)));
        }
    }

    /** One Smooks run of the reader over {@code bytes} into {@code sink}; a reader failure is the message's rejection. */
    private static void filter(Smooks smooks, byte[] bytes, org.smooks.api.io.Sink sink, String directory) {
        try {
            smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(bytes)), sink);
        } catch (RuntimeException e) {
            throw new MessageRejectedException(new Finding(EdifactFinding.MESSAGE_STRUCTURE, 0, null,
                    directory + " reader: " + rootCause(e)));
        }
    }

    private static MessageRejectedException badMessage(String directory) {
        return new MessageRejectedException(new Finding(EdifactFinding.MESSAGE_STRUCTURE, 0, null,
                "the " + directory + " reader could not structure the message (it came out as BadMessage)"));
    }

    /** Passes the reader's events on and notes a {@code BadMessage} element (the stock shape of a message it could not structure). */
    private static final class BadMessageWatch extends org.xml.sax.helpers.XMLFilterImpl {
        boolean seen;

        BadMessageWatch(org.xml.sax.ContentHandler handler) {
            setContentHandler(handler);
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts)
                throws org.xml.sax.SAXException {
            if ("BadMessage".equals(localName)) {
                seen = true;
            }
            super.startElement(uri, localName, qName, atts);
        }
    }

    /**
     * How the journaled text goes back to bytes for a reader: the stock reader always decodes UTF-8
     * (its DFDL schema's encoding, whatever the UNB says); the Aval reader decodes what the UNB
     * syntax identifier declares (UNOC = ISO 8859-1...), so it gets the bytes the partner sent.
     */
    static Charset inputCharset(String reader, String interchange) {
        if ("stock".equalsIgnoreCase(reader)) {
            return StandardCharsets.UTF_8;
        }
        return EnvelopeChecker.declaredEncoding(interchange).orElse(StandardCharsets.UTF_8);
    }

    /**
     * Never lets an unmappable character become a {@code ?} (the default release character): a
     * character the declared set cannot hold is a rejection naming it.
     */
    private static byte[] encode(String text, Charset charset) {
        try {
            java.nio.ByteBuffer b = charset.newEncoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (java.nio.charset.CharacterCodingException e) {
            int at = firstUnmappable(text, charset);
            throw new MessageRejectedException(new Finding(EdifactFinding.INVALID_CHARACTER, 0, null, String.format(
                    "character U+%04X at offset %d cannot be written in %s, the character set the UNB declares",
                    text.codePointAt(at), at, charset.name())));
        }
    }

    private static int firstUnmappable(String text, Charset charset) {
        java.nio.charset.CharsetEncoder enc = charset.newEncoder();
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (!enc.canEncode(text.substring(i, text.offsetByCodePoints(i, 1)))) {
                return i;
            }
        }
        return 0;
    }

    /** Builds (and compiles) the reader for a directory ahead of traffic. */
    public void warmUp(String directory, String reader) {
        instance(configFor(directory, reader));
    }

    private static Smooks instance(Path config) {
        long modified;
        try {
            modified = Files.getLastModifiedTime(config).toMillis();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read EDIFACT reader config " + config + ": " + e.getMessage(), e);
        }
        return INSTANCES.computeIfAbsent(new Key(config.toAbsolutePath().normalize(), modified), k -> build(k.config()));
    }

    private static Smooks build(Path config) {
        try {
            return new Smooks(config.toAbsolutePath().toString());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load EDIFACT reader config " + config + ": " + rootCause(e), e);
        }
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null ? t.getClass().getSimpleName() : m).lines().findFirst().orElse("").trim();
    }

    /** Readers are shared for the JVM's life (see the class comment); nothing to release per gateway. */
    @Override
    public void close() {
        // shared instances stay built
    }
}
