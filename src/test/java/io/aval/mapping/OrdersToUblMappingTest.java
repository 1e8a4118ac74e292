package io.aval.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.EnvelopeChecker;
import io.aval.testing.TestGateway;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.transform.Transformer;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.TransformerFactoryImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Golden files for the ORDERS → UBL Order mapping: each {@code src/test/resources/edifact/orders-in/ok-*.edi}
 * goes through the stock Smooks reader and the mapping the gateway picks for its directory
 * ({@code mappings/edifact/orders-in/to-ubl-order.xsl}, {@code orders-in/d01b/to-ubl-order.xsl} for D01B)
 * and must equal the {@code .expected-ubl.xml} beside it, and be valid UBL 2.1.
 */
class OrdersToUblMappingTest {

    private static final Path FIXTURES = TestGateway.HOME.resolve("src/test/resources/edifact/orders-in");
    private static final MappingCatalog CATALOG = new MappingCatalog(TestGateway.HOME.resolve("mappings"));
    private static final EdifactReaders READERS = new EdifactReaders(TestGateway.HOME.resolve("mappings"), "stock");

    static Stream<Path> goldenInputs() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(p -> p.getFileName().toString().matches("ok-.*\\.edi")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenInputs")
    void mapsOrdersToExpectedUblOrder(Path input) throws Exception {
        CheckedInterchange c = new EnvelopeChecker().check(Files.readAllBytes(input));
        assertThat(c.findings()).isEmpty();
        String directory = c.messages().get(0).directory();
        String edifactXml = READERS.read(c.standalone(c.messages().get(0)), directory, readerFor(directory));
        String ubl = map(edifactXml, CATALOG.inbound("ORDERS", c.messages().get(0).directory()).orElseThrow().stylesheet());
        assertThat(new UblValidator().errors(ubl, "Order")).isEmpty();
        Path expected = Path.of(input.toString().replace(".edi", ".expected-ubl.xml"));
        if (!Files.exists(expected) && Boolean.getBoolean("aval.golden.write")) {
            Files.writeString(expected, ubl, StandardCharsets.UTF_8);
        }
        Diff diff = DiffBuilder.compare(Files.readString(expected, StandardCharsets.UTF_8)).withTest(ubl)
                .ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    /**
     * The stock reader, except for D01B: its compiled schema is not cached on disk (see
     * {@code mappings/edifact/d01b/parse-stock.smooks.xml}) and compiling it costs minutes on the shared
     * machine; the Aval reader is held to the stock reader's D01B output by {@code AvalEdifactDifferentialTest}.
     */
    private static String readerFor(String directory) {
        return "D01B".equals(directory) ? "aval" : "stock";
    }

    private static String map(String edifactXml, Path stylesheet) throws Exception {
        Transformer t = new TransformerFactoryImpl().newTransformer(new StreamSource(stylesheet.toFile()));
        t.setParameter("defaultCurrency", "EUR");
        t.setParameter("sellerId", "4012345000009");
        StringWriter out = new StringWriter();
        t.transform(new StreamSource(new StringReader(edifactXml)), new StreamResult(out));
        return out.toString();
    }
}
