package io.aval.edifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aval.edifact.fast.EdifactReadException;
import io.aval.edifact.fast.EdifactXml;
import io.aval.testing.Edifact;
import io.aval.testing.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Random mutations of valid interchanges (the samples and generated ones) fed to the EDIFACT
 * reading path the gateway runs: the envelope checks, then the Aval Smooks reader on each message
 * the checks let through. Whatever the bytes, each step ends in a decision — a result, findings
 * that say what is wrong, or an {@link EdifactReadException} with a position — within a time
 * limit: never a hang, never an unexpected runtime exception. Each test draws its inputs from a
 * seeded generator ({@code -Daval.fuzz.seed=N} to replay one run, {@code -Daval.fuzz.tries=N} for
 * more); a failure names the seed, the try and the mutations, and shows the input.
 */
class EdifactReadingFuzzTest {

    /** Generous for one small interchange (they take well under a millisecond each once warm). */
    private static final Duration PER_INPUT = Duration.ofSeconds(5);

    private static final EnvelopeChecker CHECKER = new EnvelopeChecker();
    private static final EdifactXml READER = EdifactXml.of(EdifactXml.Implementation.AVAL, EdifactXml.Directory.D96A);
    private static final EdifactXml READER_D01B = EdifactXml.of(EdifactXml.Implementation.AVAL, EdifactXml.Directory.D01B);
    private static List<byte[]> seeds;

    private static final long SEED = Long.getLong("aval.fuzz.seed", System.nanoTime());
    private static final int TRIES = Integer.getInteger("aval.fuzz.tries", 1000);

    @BeforeAll
    static void loadSeeds() throws IOException {
        List<byte[]> all = new ArrayList<>();
        Path samples = TestGateway.samples();
        Path golden = TestGateway.HOME.resolve("src/test/resources/edifact");
        try (Stream<Path> files = Stream.concat(Files.list(samples), Files.walk(golden))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".edi") && !p.toString().contains("expected")).sorted().toList()) {
                all.add(Files.readAllBytes(f));
            }
        }
        all.add(Edifact.bytes(Edifact.interchange(Edifact.ACME, "FUZZ01",
                Edifact.ordersBody("PO-F-1", "20261112", "4000862141404", 3),
                Edifact.ordersBody("PO-F-2", "20261112", "4000862141411", 7))));
        seeds = List.copyOf(all);
        READER.warmUp();
        READER_D01B.warmUp();
    }

    /** One input: a seed interchange with one to four random mutations; its description replays it. */
    private record Mutated(byte[] bytes, String description) {
    }

    private static Mutated mutated(Random rnd, long seed, int attempt) {
        byte[] b = seeds.get(rnd.nextInt(seeds.size()));
        List<EdifactMutation> applied = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) {
            EdifactMutation m = EdifactMutation.random(rnd);
            applied.add(m);
            b = m.apply(b);
        }
        return new Mutated(b, "seed " + seed + ", try " + attempt + ", mutations " + applied + ", " + show(b));
    }

    /** Runs {@code tries} mutated inputs through {@code step}; returns how often each decision came out. */
    private static Map<String, Integer> fuzz(long seed, int tries, Function<Mutated, String> step) {
        Random rnd = new Random(seed);
        Map<String, Integer> decisions = new TreeMap<>();
        for (int i = 0; i < tries; i++) {
            Mutated input = mutated(rnd, seed, i);
            String decision = assertTimeoutPreemptively(PER_INPUT, () -> step.apply(input), input::description);
            decisions.merge(decision, 1, Integer::sum);
        }
        System.out.println("fuzz seed " + seed + ": " + decisions);
        return decisions;
    }

    @Test
    void envelopeChecksAlwaysDecide() {
        Map<String, Integer> decisions = fuzz(SEED, TRIES, input -> {
            CheckedInterchange checked = CHECKER.check(input.bytes());
            assertDecided(checked, input.bytes());
            return decision(checked);
        });
        assertThat(decisions).as("the mutations reach more than one kind of decision").hasSizeGreaterThan(3);
    }

    @Test
    void avalReaderAlwaysDecides() {
        fuzz(SEED + 1, TRIES / 2, input -> readOrRefuse(READER, input.bytes()));
    }

    /** The gateway's own sequence: envelope checks, then each acceptable message alone through its directory's reader. */
    @Test
    void gatewayReadingPathAlwaysDecides() {
        fuzz(SEED + 2, TRIES / 2, in -> {
            byte[] input = in.bytes();
            CheckedInterchange checked = CHECKER.check(input);
            assertDecided(checked, input);
            if (!checked.acceptable()) {
                return "envelope: " + decision(checked);
            }
            String read = "";
            for (MessageSlice m : checked.messages()) {
                String standalone = checked.standalone(m);
                EdifactXml reader = "D01B".equals(m.directory()) ? READER_D01B : READER;
                read = readOrRefuse(reader, standalone.getBytes(StandardCharsets.UTF_8));
            }
            return "reader: " + read;
        });
    }

    private static void assertDecided(CheckedInterchange checked, byte[] input) {
        assertThat(checked).as(show(input)).isNotNull();
        for (Finding f : checked.findings()) {
            assertThat(f.describe()).as(show(input)).isNotBlank();
        }
        for (MessageSlice m : checked.messages()) {
            for (Finding f : m.findings()) {
                assertThat(f.describe()).as(show(input)).isNotBlank();
            }
        }
        if (checked.acceptable()) {
            assertThat(checked.header()).as("an acceptable interchange has a header: " + show(input)).isNotNull();
            assertThat(checked.messages()).as("an acceptable interchange has messages: " + show(input)).isNotEmpty();
            checked.businessDate();
            checked.messages().forEach(checked::standalone);
        } else if (checked.header() == null) {
            assertThat(checked.firstFinding()).as("no header and no finding: " + show(input)).isPresent();
        }
    }

    /** XML out, or the reader's own refusal with a position; any other exception fails the property. */
    private static String readOrRefuse(EdifactXml reader, byte[] input) {
        try {
            String xml = reader.parse(input);
            assertThat(xml).as(show(input)).contains("Interchange");
            return "XML";
        } catch (RuntimeException e) {
            EdifactReadException refusal = find(e, EdifactReadException.class);
            if (refusal == null) {
                fail("unexpected " + e + " for " + show(input), e);
            }
            assertThat(refusal.getMessage()).isNotBlank();
            assertThat(refusal.code()).isNotNull();
            return refusal.code().name();
        }
    }

    private static String decision(CheckedInterchange checked) {
        if (checked.acceptable()) {
            return checked.messages().stream().allMatch(MessageSlice::acceptable) ? "accepted"
                    : checked.messages().stream().flatMap(m -> m.findings().stream()).findFirst().orElseThrow().kind().name();
        }
        return checked.firstFinding().orElseThrow().kind().name();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String show(byte[] input) {
        String s = new String(input, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder("input (" + input.length + " bytes): ");
        for (char c : s.substring(0, Math.min(s.length(), 600)).toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return out.toString();
    }
}
