package io.aval.edifact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.w3c.dom.Document;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files for every outbound mapping: {@code src/test/resources/ubl/<message>-out/<name>.xml} (UBL from the
 * ERP) next to {@code <name>.<directory>.edi} (the exact bytes Aval must send). Run with
 * {@code -Dgolden.update=true} to rewrite the expected files after a deliberate mapping change, then review the diff.
 */
class OutboundGoldenTest {

    static final Path MAPPINGS = Path.of("mappings");
    static final Path GOLDEN = Path.of("src/test/resources/ubl");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-10T08:30:00Z"), ZoneOffset.UTC);
    static final OutboundMessageMapper MAPPER = new OutboundMessageMapper(MAPPINGS);

    static Stream<Arguments> goldenInputs() throws Exception {
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            return files.filter(OutboundGoldenTest::isUblInput).sorted().toList().stream()
                    .flatMap(p -> Stream.of(EdifactDirectory.values()).map(d -> Arguments.of(GOLDEN.relativize(p).toString(), d)));
        }
    }

    static boolean isUblInput(Path p) {
        return p.toString().endsWith(".xml") && !p.toString().endsWith(".expected.xml");
    }

    static EnvelopeProfile profile(EdifactDirectory directory) {
        return new EnvelopeProfile(3, SyntaxCharset.UNOC, CharsetPolicy.TRANSLITERATE, true,
                "4012345000009", "14", "5412345000013", "14", "AVL0000001", false, false, null, directory);
    }

    static String translate(Path ubl, EnvelopeProfile profile) throws Exception {
        byte[] bytes = new InterchangeWriter(CLOCK).write(profile, MAPPER.map(Files.readAllBytes(ubl), profile.directory()));
        return new String(bytes, profile.charset().encoding());
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("goldenInputs")
    void mapsUblToTheExpectedInterchangeBytes(String input, EdifactDirectory directory) throws Exception {
        Path ubl = GOLDEN.resolve(input);
        String actual = translate(ubl, profile(directory));
        Path expected = Path.of(ubl.toString().replaceAll("\\.xml$", "." + directory.mappingSuffix() + ".edi"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, EdiText.onePerLine(actual), StandardCharsets.ISO_8859_1);
        }
        assertThat(expected).as("golden file (create it with -Dgolden.update=true and review it)").exists();
        assertThat(actual).isEqualTo(EdiText.joined(Files.readString(expected, StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("goldenInputs")
    void mapsUblToTheExpectedMessageXml(String input, EdifactDirectory directory) throws Exception {
        Path ubl = GOLDEN.resolve(input);
        Document actual = MAPPER.map(Files.readAllBytes(ubl), directory);
        Path expected = Path.of(ubl.toString().replaceAll("\\.xml$", "." + directory.mappingSuffix() + ".expected.xml"));
        if (Boolean.getBoolean("golden.update")) {
            Transformer t = TransformerFactory.newDefaultInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.transform(new DOMSource(actual), new StreamResult(expected.toFile()));
        }
        assertThat(expected).as("golden file (create it with -Dgolden.update=true and review it)").exists();
        Diff diff = DiffBuilder.compare(Input.fromFile(expected.toFile())).withTest(actual)
                .ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }
}
