package io.aval.edifact.fast;

import io.aval.edifact.fast.EdifactXml.Directory;
import io.aval.edifact.fast.EdifactXml.Implementation;
import io.aval.edifact.fast.internal.InterchangeParser;
import io.aval.edifact.fast.internal.XmlText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.xmlunit.assertj3.XmlAssert;

/**
 * Golden files: each input next to the XML the stock reader produced for it ({@code .expected.xml}) and, where the
 * stock writer could write that XML back, the bytes it wrote ({@code .expected-written.edi}). {@code stock-quirks}
 * holds the behaviours found while studying the stock reader (empty composites, numbers, repetitions...).
 */
class AvalEdifactGoldenTest {
    private static final Path ROOT = Paths.get("src/test/resources/edifact");
    private static final EdifactXml AVAL = EdifactXml.of(Implementation.AVAL, Directory.D96A);

    static Stream<Path> wellFormed() {
        return Stream.of("orders-d96a", "desadv-d96a", "invoic-d96a", "stock-quirks")
                .flatMap(dir -> list(ROOT.resolve(dir)));
    }

    static Stream<Path> badMessages() {
        return list(ROOT.resolve("bad-message"));
    }

    static Stream<Path> written() {
        return Stream.concat(wellFormed(), badMessages())
                .filter(p -> Files.exists(sibling(p, ".expected-written.edi")));
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).filter(p -> p.toString().endsWith(".edi") && !p.toString().endsWith(".expected-written.edi")).sorted();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path sibling(Path edi, String suffix) {
        String name = edi.getFileName().toString();
        return edi.resolveSibling(name.substring(0, name.length() - 4) + suffix);
    }

    @ParameterizedTest
    @MethodSource("wellFormed")
    void readsInterchangeToTheStockXml(Path edi) throws IOException {
        String expected = Files.readString(sibling(edi, ".expected.xml"));
        String actual = AVAL.parse(Files.readAllBytes(edi));
        assertThat(AvalEdifactDifferentialTest.emptyElementsClosed(actual))
                .isEqualTo(AvalEdifactDifferentialTest.emptyElementsClosed(expected));
        if (!expected.contains("xsi:nil")) { // the stock reader writes xsi:nil without declaring xsi: not namespace-well-formed
            XmlAssert.assertThat(actual).and(expected).areIdentical();
        }
    }

    @ParameterizedTest
    @MethodSource("badMessages")
    void emitsTheStockBadMessageWhenAskedTo(Path edi) throws IOException {
        String expected = Files.readString(sibling(edi, ".expected.xml"));
        String actual = AvalEdifactDifferentialTest.parse(AvalEdifactDifferentialTest.testConfig("parse-aval-emit", Directory.D96A),
                Files.readAllBytes(edi));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("badMessages")
    void rejectsMessageTheSchemaPackCannotStructureByDefault(Path edi) throws IOException {
        byte[] bytes = Files.readAllBytes(edi);
        assertThatThrownBy(() -> AVAL.parse(bytes)).hasRootCauseInstanceOf(EdifactReadException.class);
    }

    @ParameterizedTest
    @MethodSource("written")
    void writesTheStockBytes(Path edi) throws IOException {
        byte[] expected = Files.readAllBytes(sibling(edi, ".expected-written.edi"));
        byte[] actual = AVAL.write(Files.readString(sibling(edi, ".expected.xml")));
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * Deliberate deviation: the stock reader decodes every interchange as UTF-8, so ISO-8859-1 accents of a UNOC
     * interchange become U+FFFD. The Aval reader decodes with the charset UNB declares; {@code charset=UTF-8}
     * reproduces the stock behaviour.
     */
    @Test
    void decodesUnocAsIso88591WhereTheStockReaderLosesTheAccents() throws Exception {
        byte[] edi = Files.readAllBytes(ROOT.resolve("charset/unoc-latin1-accents.edi"));
        assertThat(AVAL.parse(edi)).contains("<E4440>café à lé</E4440>");
        String stock = Files.readString(ROOT.resolve("charset/unoc-latin1-accents.stock.xml"));
        assertThat(stock).contains("caf\uFFFD \uFFFD l\uFFFD");
        assertThat(parseWithCharset(edi, "UTF-8")).isEqualTo(stock);
    }

    @Test
    void readsUtf8BytesInAUnocInterchangeLikeTheStockReaderOnlyWhenToldTo() throws Exception {
        byte[] edi = Files.readAllBytes(ROOT.resolve("charset/unoc-declared-but-utf8-bytes.edi"));
        String stock = Files.readString(ROOT.resolve("charset/unoc-declared-but-utf8-bytes.stock.xml"));
        assertThat(AVAL.parse(edi)).contains("cafÃ©");
        assertThat(parseWithCharset(edi, "UTF-8")).isEqualTo(stock);
    }

    private static String parseWithCharset(byte[] edi, String charset) throws Exception {
        InterchangeParser parser = AvalEdifactReader.newParser(Directory.D96A.schemaUri(), "ORDERS,DESADV,INVOIC,ORDRSP", null, charset);
        StringBuilder sb = new StringBuilder();
        parser.parse(new ByteArrayInputStream(edi), new XmlText(sb));
        return sb.toString();
    }
}
