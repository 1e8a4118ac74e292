package io.aval.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aval.testing.TestGateway;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway hands the reader a message's journaled text: it must reach the reader as the bytes
 * its UNB declares, so accented free text survives (a competitor's name in an FTX, say), and a
 * character the declared set cannot hold is a rejection, never a silent {@code ?} (the release
 * character).
 */
class EdifactReadersTest {

    private final EdifactReaders readers = new EdifactReaders(TestGateway.HOME.resolve("mappings"), "aval");

    private static String orders(String syntax, String freeText) {
        return "UNA:+.? 'UNB+" + syntax + ":3+5412345000013:14+4012345000009:14+250102:1200+R1'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-1+9'DTM+137:20250102:102'FTX+AAI+++" + freeText + "'"
                + "NAD+BY+5412345000013::9'LIN+1++4000862141404:EN'QTY+21:10'UNS+S'UNT+9+1'UNZ+1+R1'";
    }

    @Test
    void latin1TextReachesTheReaderIntact() {
        String xml = readers.read(orders("UNOC", "sinon nous prendrons chez CONCURRENT INÖX"), "D96A", "aval");
        assertThat(xml).contains("sinon nous prendrons chez CONCURRENT INÖX");
    }

    @Test
    void latin2TextReachesTheReaderIntact() {
        // UNOD (ISO 8859-2) is accepted by the envelope checks: the reader must get it as ISO 8859-2 bytes too
        String xml = readers.read(orders("UNOD", "DOSTAWA ŁÓDŹ, RAMPA 3"), "D96A", "aval");
        assertThat(xml).contains("DOSTAWA ŁÓDŹ, RAMPA 3");
    }

    @Test
    void aCharacterTheDeclaredSetCannotHoldIsRejectedNotReplaced() {
        assertThatThrownBy(() -> readers.read(orders("UNOA", "LIVRAISON ÉTAGE 2"), "D96A", "aval"))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("U+00C9").hasMessageContaining("US-ASCII");
    }

    @Test
    void theStockReaderIsHandedUtf8() {
        assertThat(EdifactReaders.inputCharset("stock", orders("UNOC", "x"))).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(EdifactReaders.inputCharset("aval", orders("UNOC", "x"))).isEqualTo(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(EdifactReaders.inputCharset("aval", orders("UNOW", "x"))).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(EdifactReaders.inputCharset("aval", orders("UNOD", "x"))).isEqualTo(java.nio.charset.Charset.forName("ISO-8859-2"));
    }

    /**
     * The gateway builds the mapping's tree from the reader's SAX events (no text in between): the same tree as
     * parsing the reader's XML text, for the Aval reader (its filter bypass hands the events over) and for the
     * stock reader (read to text and parsed: Smooks runs its filter).
     */
    @ParameterizedTest
    @CsvSource({"orders-d96a.edi,aval", "orders-d96a-no-una-release.edi,aval", "desadv-d96a.edi,aval",
            "invoic-d96a.edi,aval", "invoic-d96a-credit-note.edi,aval", "orders-d96a.edi,stock"})
    void theEventsBuildTheTreeTheTextParsesTo(String sample, String reader) throws Exception {
        String interchange = Files.readString(TestGateway.HOME.resolve("src/test/resources/samples").resolve(sample),
                StandardCharsets.ISO_8859_1);
        UblMapping mapping = new UblMapping(null);

        UblMapping.Tree tree = mapping.newTree();
        readers.read(interchange, "D96A", reader, tree.handler());
        XdmNode fromText = new Processor(false).newDocumentBuilder().build(
                new javax.xml.transform.stream.StreamSource(new java.io.StringReader(readers.read(interchange, "D96A", reader))));

        assertThat(serialised(tree.document())).contains("BGM").isEqualTo(serialised(fromText));
    }

    @Test
    void aMessageTheReaderCouldNotStructureIsRejectedFromTheEventsToo(@TempDir Path mappings) throws Exception {
        // a reader config that emits the stock <BadMessage> element instead of failing (badMessage=emit)
        Path d96a = Files.createDirectories(mappings.resolve("edifact/d96a"));
        Files.writeString(d96a.resolve("parse-aval.smooks.xml"), Files.readString(TestGateway.HOME
                .resolve("mappings/edifact/d96a/parse-aval.smooks.xml")).replace(">reject<", ">emit<"));
        EdifactReaders emitting = new EdifactReaders(mappings, "aval");
        String unstructurable = "UNA:+.? 'UNB+UNOC:3+5412345000013:14+4012345000009:14+250102:1200+R1'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-1+9'QTY+21:10'QTY+21:10'UNT+5+1'UNZ+1+R1'";
        assertThatThrownBy(() -> emitting.read(unstructurable, "D96A", "aval"))
                .isInstanceOf(MessageRejectedException.class).hasMessageContaining("came out as BadMessage");
        assertThatThrownBy(() -> emitting.read(unstructurable, "D96A", "aval", new UblMapping(null).newTree().handler()))
                .isInstanceOf(MessageRejectedException.class).hasMessageContaining("came out as BadMessage");
    }

    /** A config whose filter Smooks does not bypass (here: no bypass resource) still gives the handler the message. */
    @Test
    void aConfigWithoutTheBypassIsReadToTextAndParsed(@TempDir Path mappings) throws Exception {
        Path d96a = Files.createDirectories(mappings.resolve("edifact/d96a"));
        String config = Files.readString(TestGateway.HOME.resolve("mappings/edifact/d96a/parse-aval.smooks.xml"));
        String withoutBypass = config.replaceAll("(?s)<resource-config selector=\"#document\">.*?</resource-config>", "");
        assertThat(withoutBypass).doesNotContain("AvalEdifactReaderBypass");
        Files.writeString(d96a.resolve("parse-aval.smooks.xml"), withoutBypass);
        EdifactReaders filtered = new EdifactReaders(mappings, "aval");
        String interchange = Files.readString(TestGateway.HOME.resolve("src/test/resources/samples/orders-d96a.edi"),
                StandardCharsets.ISO_8859_1);

        UblMapping.Tree tree = new UblMapping(null).newTree();
        filtered.read(interchange, "D96A", "aval", tree.handler());
        UblMapping.Tree bypassed = new UblMapping(null).newTree();
        readers.read(interchange, "D96A", "aval", bypassed.handler());

        assertThat(serialised(tree.document())).contains("BGM").isEqualTo(serialised(bypassed.document()));
    }

    private static String serialised(XdmNode node) throws Exception {
        StringWriter out = new StringWriter();
        Serializer s = node.getProcessor().newSerializer(out);
        s.setOutputProperty(Serializer.Property.OMIT_XML_DECLARATION, "yes");
        s.serializeNode(node);
        return out.toString();
    }
}
