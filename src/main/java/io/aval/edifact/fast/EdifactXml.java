package io.aval.edifact.fast;

import io.aval.edifact.fast.internal.InterchangeParser;
import io.aval.edifact.fast.internal.XmlText;
import org.smooks.Smooks;
import org.smooks.api.io.Sink;
import org.smooks.io.sink.DOMSink;
import org.smooks.io.sink.StreamSink;
import org.smooks.io.sink.StringSink;
import org.smooks.io.sink.WriterSink;
import org.smooks.io.source.DOMSource;
import org.smooks.io.source.ReaderSource;
import org.smooks.io.source.StreamSource;
import org.xml.sax.SAXException;

import javax.xml.transform.Result;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * EDIFACT to XML and back through the very Smooks configs the gateway uses
 * ({@code mappings/edifact/<directory>/parse-<impl>.smooks.xml} and {@code write-<impl>.smooks.xml}), for either
 * implementation: the stock Daffodil-based cartridge or the Aval reader and writer. Each Smooks instance is created on
 * first use and then shared; Smooks instances are thread-safe, so are these methods.
 */
public final class EdifactXml {

    public enum Implementation {
        /** the stock {@code edifact:parser}/{@code edifact:unparser} (Apache Daffodil) */
        STOCK,
        /** {@link AvalEdifactReader} / {@link AvalEdifactUnparser} */
        AVAL
    }

    /** the UN/EDIFACT directories whose schema packs are configured */
    public enum Directory {
        D96A, D01B;

        String folder() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String schemaUri() {
            return "/" + folder() + "/EDIFACT-Messages.dfdl.xsd";
        }
    }

    private static final Map<String, Smooks> SMOOKS = new ConcurrentHashMap<>();
    private static final Map<Directory, InterchangeParser> MESSAGE_PARSERS = new ConcurrentHashMap<>();

    private final Implementation implementation;
    private final Directory directory;

    private EdifactXml(Implementation implementation, Directory directory) {
        this.implementation = implementation;
        this.directory = directory;
    }

    public static EdifactXml of(Implementation implementation, Directory directory) {
        return new EdifactXml(implementation, directory);
    }

    public Implementation implementation() {
        return implementation;
    }

    public Directory directory() {
        return directory;
    }

    /** creates (once) the Smooks instances for this implementation, so that start-up cost can be measured or paid early */
    public EdifactXml warmUp() {
        parser();
        writer();
        return this;
    }

    /** reads an interchange and writes its XML to the result (StreamResult or DOMResult) */
    public void parse(InputStream edifact, Result xml) {
        parser().filterSource(new StreamSource<>(edifact), sinkFor(xml));
    }

    public String parse(byte[] edifact) {
        StringSink sink = new StringSink();
        parser().filterSource(new StreamSource<>(new ByteArrayInputStream(edifact)), sink);
        return sink.getResult();
    }

    /** writes XML in the stock reader's shape as EDIFACT bytes */
    public byte[] write(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length());
        writer().filterSource(new ReaderSource<>(new StringReader(xml)), new StreamSink<>(out));
        return out.toByteArray();
    }

    public byte[] write(Source xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.smooks.api.io.Source source;
        if (xml instanceof javax.xml.transform.dom.DOMSource) {
            source = new DOMSource(((javax.xml.transform.dom.DOMSource) xml).getNode());
        } else if (xml instanceof javax.xml.transform.stream.StreamSource && ((javax.xml.transform.stream.StreamSource) xml).getInputStream() != null) {
            source = new StreamSource<>(((javax.xml.transform.stream.StreamSource) xml).getInputStream());
        } else if (xml instanceof javax.xml.transform.stream.StreamSource && ((javax.xml.transform.stream.StreamSource) xml).getReader() != null) {
            source = new ReaderSource<>(((javax.xml.transform.stream.StreamSource) xml).getReader());
        } else {
            throw new IllegalArgumentException("unsupported source " + xml);
        }
        writer().filterSource(source, new StreamSink<>(out));
        return out.toByteArray();
    }

    /**
     * Reads an interchange of any size message by message (Aval reader, no Smooks) and hands each UNH..UNT message on
     * as its own XML document; memory holds one message at a time. Messages the schema pack cannot structure fail
     * with {@link EdifactReadException}, like {@link AvalEdifactReader} with {@code badMessage=reject}.
     */
    public static void forEachMessage(Directory directory, InputStream edifact, Consumer<EdifactMessage> consumer) {
        InterchangeParser parser = MESSAGE_PARSERS.computeIfAbsent(directory,
                d -> AvalEdifactReader.newParser(d.schemaUri(), null, null, null));
        String ns = parser.pack().namespace;
        String prefix = parser.pack().version;
        try {
            parser.parse(edifact, new InterchangeParser.Sink() {
                @Override
                public void envelope(io.aval.edifact.fast.internal.EventBuffer events) {
                    events.clear();
                }

                @Override
                public void message(io.aval.edifact.fast.internal.EventBuffer events, InterchangeParser.MessageInfo info) throws SAXException {
                    StringBuilder sb = new StringBuilder(4096);
                    XmlText text = new XmlText(sb);
                    text.declare(prefix, ns);
                    events.replay(text, ns, prefix);
                    events.clear();
                    consumer.accept(new EdifactMessage(info.index, info.type, info.reference, info.interchangeReference,
                            info.firstSegmentPosition, sb.toString()));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new Smooks instance for {@code operation} ("parse" or "write") from the mappings/ config, not shared: for
     * measuring start-up (Smooks creation, schema compile) from scratch.
     */
    public static Smooks newSmooks(Implementation implementation, Directory directory, String operation) {
        return load(configPath(implementation, directory, operation));
    }

    private static String configPath(Implementation implementation, Directory directory, String operation) {
        return "mappings/edifact/" + directory.folder() + "/" + operation + "-" + implementation.name().toLowerCase(Locale.ROOT) + ".smooks.xml";
    }

    private Smooks parser() {
        return smooks("parse");
    }

    private Smooks writer() {
        return smooks("write");
    }

    private Smooks smooks(String operation) {
        return SMOOKS.computeIfAbsent(configPath(implementation, directory, operation), EdifactXml::load);
    }

    /** the config file under AVAL_HOME, else the working directory, else the classpath */
    static Smooks load(String config) {
        try {
            String home = System.getenv("AVAL_HOME");
            Path file = home != null ? Paths.get(home, config) : Paths.get(config);
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return new Smooks(in);
                }
            }
            if (Files.isRegularFile(Paths.get(config))) {
                try (InputStream in = Files.newInputStream(Paths.get(config))) {
                    return new Smooks(in);
                }
            }
            try (InputStream in = EdifactXml.class.getResourceAsStream("/" + config)) {
                if (in == null) {
                    throw new IllegalStateException("Smooks config not found: " + config);
                }
                return new Smooks(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("bad Smooks config " + config + ": " + e.getMessage(), e);
        }
    }

    private static Sink sinkFor(Result result) {
        if (result instanceof StreamResult) {
            StreamResult s = (StreamResult) result;
            if (s.getWriter() != null) {
                return new WriterSink<>(s.getWriter());
            }
            if (s.getOutputStream() != null) {
                return new StreamSink<>(s.getOutputStream());
            }
        }
        if (result instanceof DOMResult) {
            DOMSink sink = new DOMSink();
            if (((DOMResult) result).getNode() != null) {
                sink.setNode(((DOMResult) result).getNode());
            }
            return new DOMSinkAdapter(sink, (DOMResult) result);
        }
        throw new IllegalArgumentException("unsupported result " + result);
    }

    /** DOMSink fills its own node; copy it into the caller's DOMResult afterwards */
    private static final class DOMSinkAdapter extends DOMSink {
        DOMSinkAdapter(DOMSink unused, DOMResult result) {
            super();
            this.result = result;
        }

        private final DOMResult result;

        @Override
        public void setNode(org.w3c.dom.Node node) {
            super.setNode(node);
            result.setNode(node);
        }
    }
}
