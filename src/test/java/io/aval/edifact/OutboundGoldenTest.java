package io.aval.edifact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream()
                    .flatMap(p -> Stream.of(EdifactDirectory.values()).map(d -> Arguments.of(GOLDEN.relativize(p).toString(), d)));
        }
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
        if (Boolean.getBoolean("golden.update") || !Files.exists(expected)) {
            Files.writeString(expected, EdiText.onePerLine(actual), StandardCharsets.ISO_8859_1);
        }
        assertThat(actual).isEqualTo(EdiText.joined(Files.readString(expected, StandardCharsets.ISO_8859_1)));
    }
}
