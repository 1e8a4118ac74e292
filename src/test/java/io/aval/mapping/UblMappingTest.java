package io.aval.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.EnvelopeChecker;
import io.aval.signal.AccountEventExtractor;
import io.aval.signal.Direction;
import io.aval.testing.TestGateway;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Transformer;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.TransformerFactoryImpl;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * The one-pass mapping ({@link UblMapping}) against what the gateway did before it, step by step: the
 * mapping run by Saxon's JAXP transformer on the message text, the result validated as text, the tap's
 * event extracted from a DOM parse of the message. Same bytes for the ERP, same verdicts, same events.
 */
class UblMappingTest {

    private static final Path HOME = TestGateway.HOME;
    private static final MappingCatalog CATALOG = new MappingCatalog(HOME.resolve("mappings"));
    private static final EdifactReaders READERS = new EdifactReaders(HOME.resolve("mappings"), "aval");
    private static final Map<String, String> PARAMETERS = Map.of("defaultCurrency", "EUR", "sellerId", "4012345000009");

    private final UblValidator validator = new UblValidator();
    private final UblMapping mapping = new UblMapping(validator);

    /** Every ORDERS message of the mapping's golden files and of the shared samples, as the reader writes it. */
    private static List<Message> orders() throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(HOME.resolve("src/test/resources/edifact/orders-in"))) {
            files.filter(p -> p.getFileName().toString().matches("ok-.*\\.edi")).sorted().forEach(inputs::add);
        }
        inputs.add(HOME.resolve("src/test/resources/samples/orders-d96a.edi"));
        inputs.add(HOME.resolve("src/test/resources/samples/orders-d96a-no-una-release.edi"));
        List<Message> out = new ArrayList<>();
        for (Path input : inputs) {
            CheckedInterchange c = new EnvelopeChecker().check(Files.readAllBytes(input));
            for (var m : c.messages()) {
                out.add(new Message(input.getFileName() + "#" + m.reference(), READERS.read(c.standalone(m), m.directory(), "aval"),
                        CATALOG.inbound("ORDERS", m.directory()).orElseThrow().stylesheet()));
            }
        }
        return out;
    }

    private record Message(String name, String xml, Path stylesheet) {
    }

    @Test
    void givesTheErpTheBytesTheTextPathGaveAndTheTapTheSameEvent() throws Exception {
        List<Message> orders = orders();
        assertThat(orders).hasSizeGreaterThanOrEqualTo(5);
        AccountEventExtractor extractor = new AccountEventExtractor();
        for (Message m : orders) {
            String expected = transform(m.xml(), m.stylesheet());
            assertThat(validator.errors(expected, "Order")).as(m.name()).isEmpty();

            UblMapping.Mapped mapped = mapping.map(m.xml(), m.stylesheet(), PARAMETERS, "Order");

            assertThat(new String(mapped.document(), StandardCharsets.UTF_8)).as(m.name()).isEqualTo(expected);
            assertThat(extractor.extract(mapped.source(), "ACME", Direction.INBOUND, "M-1").toJson()).as(m.name())
                    .isEqualTo(extractor.extract(parse(m.xml()), "ACME", Direction.INBOUND, "M-1").toJson());
        }
    }

    @Test
    void anInvalidResultIsRejectedWithItsLinesAndTheThreadGoesOn() throws Exception {
        Message order = orders().get(0);
        Path invalid = HOME.resolve("src/test/resources/mapping/invalid-order.xsl");
        assertThat(validator.errors(transform(order.xml(), invalid), "Order")).isNotEmpty();

        assertThatThrownBy(() -> mapping.map(order.xml(), invalid, PARAMETERS, "Order"))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("mapped UBL Order is not valid UBL 2.1")
                .hasMessageContaining("line ")
                .hasMessageContaining("NoSuchElement");

        assertThat(mapping.map(order.xml(), order.stylesheet(), PARAMETERS, "Order").document())
                .asString(StandardCharsets.UTF_8).isEqualTo(transform(order.xml(), order.stylesheet()));
    }

    @Test
    void aMappingThatFailsIsARejectionNamingIt() throws Exception {
        Message order = orders().get(0);
        assertThatThrownBy(() -> mapping.map(order.xml(), HOME.resolve("src/test/resources/mapping/failing.xsl"), PARAMETERS, "Order"))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("mapping failing.xsl failed")
                .hasMessageContaining("no buyer in this message");
        assertThat(mapping.map(order.xml(), order.stylesheet(), PARAMETERS, "Order").document()).isNotEmpty();
    }

    @Test
    void unreadableXmlIsARejection() {
        assertThatThrownBy(() -> mapping.map("<Interchange><unclosed></Interchange>", CATALOG.inbound("ORDERS", "D96A").orElseThrow()
                .stylesheet(), PARAMETERS, "Order"))
                .isInstanceOf(MessageRejectedException.class).hasMessageContaining("not readable");
    }

    /** The gateway's mapping step before {@link UblMapping}: Camel's xslt-saxon, that is Saxon's JAXP transformer on the text. */
    private static String transform(String xml, Path stylesheet) throws Exception {
        Transformer t = new TransformerFactoryImpl().newTransformer(new StreamSource(stylesheet.toFile()));
        PARAMETERS.forEach(t::setParameter);
        StringWriter out = new StringWriter();
        t.transform(new StreamSource(new StringReader(xml)), new StreamResult(out));
        return out.toString();
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
