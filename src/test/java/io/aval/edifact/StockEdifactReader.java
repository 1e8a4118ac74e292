package io.aval.edifact;

import org.smooks.Smooks;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.ByteSource;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The test oracle: the stock Smooks {@code edifact:parser} on the edifact-schemas pack, one instance per directory
 * per JVM (the DFDL compile takes 15-100 s; {@code cacheOnDisk} keeps the compiled schema under {@code .smooks/}
 * between runs; its key ignores the directory, hence the distinct message type lists). It decodes its input as UTF-8 whatever UNB 0001 says, so ISO-8859-1 (UNOC) bytes are
 * transcoded first, as the inbound side must do after reading UNB.
 */
final class StockEdifactReader {

    private static final Map<EdifactDirectory, Smooks> READERS = new EnumMap<>(EdifactDirectory.class);

    private StockEdifactReader() { }

    static synchronized Smooks reader(EdifactDirectory directory) {
        return READERS.computeIfAbsent(directory, d -> {
            String config = """
                    <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                          xmlns:edifact="https://www.smooks.org/xsd/smooks/edifact-2.0.xsd">
                      <edifact:parser schemaUri="%s" cacheOnDisk="true">
                        <edifact:messageTypes>
                          <edifact:messageType>DESADV</edifact:messageType>
                          <edifact:messageType>INVOIC</edifact:messageType>
                          <edifact:messageType>ORDRSP</edifact:messageType>%s
                        </edifact:messageTypes>
                      </edifact:parser>
                    </smooks-resource-list>""".formatted(d.schemaUri(),
                    // the on-disk cache key ignores the schema pack: give each directory a distinct type list
                    d == EdifactDirectory.D01B ? "<edifact:messageType>ORDERS</edifact:messageType>" : "");
            try {
                return new Smooks(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Parses an interchange written in {@code charset}'s encoding and returns the stock reader's XML. */
    static String parseToXml(byte[] interchange, SyntaxCharset charset, EdifactDirectory directory) {
        byte[] utf8 = new String(interchange, charset.encoding()).getBytes(StandardCharsets.UTF_8);
        StringSink sink = new StringSink();
        reader(directory).filterSource(new ByteSource(utf8), sink);
        return sink.getResult();
    }

    static Document parse(byte[] interchange, SyntaxCharset charset, EdifactDirectory directory) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(
                parseToXml(interchange, charset, directory).getBytes(StandardCharsets.UTF_8)));
    }
}
