package io.aval.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streamed envelope check ({@link EnvelopeChecker#scan}) against the whole-interchange one
 * ({@link EnvelopeChecker#check}): the same verdict, header, findings and messages (each as the same
 * interchange of its own), on the samples, on generated interchanges and on mutations of them. Read
 * sizes of a few bytes split characters and segments across reads and make the window move often.
 */
class EnvelopeScanTest {

    private static final EnvelopeLimits LIMITS = new EnvelopeLimits(1 << 20, 2048, 400);

    @Test
    void samplesAndGeneratedInterchangesScanAsTheyCheck() throws Exception {
        List<byte[]> corpus = new ArrayList<>(samples());
        Random rnd = new Random(20261127);
        for (int i = 0; i < 120; i++) {
            corpus.add(generated(rnd));
        }
        int messages = 0;
        for (byte[] raw : corpus) {
            for (int read : new int[] {1, 3, 7, 64, 65536}) {
                messages += compare(raw, new EnvelopeChecker(LIMITS, 32, read));
            }
        }
        assertThat(messages).as("messages compared").isGreaterThan(1000);
    }

    @Test
    void brokenInterchangesGetTheSameVerdictStreamed() throws Exception {
        Random rnd = new Random(42);
        List<byte[]> bases = new ArrayList<>(samples());
        for (int i = 0; i < 20; i++) {
            bases.add(generated(rnd));
        }
        int refused = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] raw = bases.get(rnd.nextInt(bases.size()));
            int mutations = 1 + rnd.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                raw = EdifactMutation.random(rnd).apply(raw);
            }
            CheckedInterchange whole = new EnvelopeChecker(LIMITS).check(raw);
            EnvelopeScan streamed = new EnvelopeChecker(LIMITS, 32, 1 + rnd.nextInt(40)).scan(new ByteArrayInputStream(raw), raw.length, null);
            assertThat(streamed.envelope().acceptable()).as("verdict on mutation %d: %s", i, whole.findings())
                    .isEqualTo(whole.acceptable());
            if (!whole.acceptable()) {
                refused++;
                if (!unreadable(whole) && !unreadable(streamed.envelope())) {
                    assertThat(describe(streamed.findings())).as("mutation %d", i).isEqualTo(describe(whole.findings()));
                }
            }
        }
        assertThat(refused).as("mutations refused").isGreaterThan(500);
    }

    @Test
    void aBadByteFarIntoAStreamIsNamedWithItsOffsetAndSegment() {
        String good = interchange(StandardCharsets.US_ASCII, "UNOA", 40);
        byte[] raw = good.getBytes(StandardCharsets.ISO_8859_1);
        int at = good.indexOf("PO-30");
        raw[at] = (byte) 0xE9;
        EnvelopeScan streamed = new EnvelopeChecker(LIMITS, 32, 5).scan(new ByteArrayInputStream(raw), raw.length, null);
        assertThat(streamed.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(EdifactFinding.INVALID_CHARACTER);
            assertThat(f.segmentTag()).isEqualTo("BGM");
            assertThat(f.detail()).isEqualTo("byte 0xE9 at offset " + at + " is not valid UNOA (US-ASCII)");
        });
        CheckedInterchange whole = new EnvelopeChecker(LIMITS).check(raw);
        assertThat(describe(streamed.findings())).isEqualTo(describe(whole.findings()));
    }

    @Test
    void aStreamHoldsAboutOneMessageNotTheInterchange() {
        // 20,000 messages, about 4 MB, read through a window: what is kept stays near one message's length
        InputStream big = new InputStream() {
            private final byte[] head = "UNA:+.? 'UNB+UNOC:3+A:14+B:14+261127:0300+BIG'".getBytes(StandardCharsets.ISO_8859_1);
            private byte[] current = head;
            private int pos;
            private int sent;

            @Override
            public int read() {
                while (pos == current.length) {
                    if (sent == 20_000) {
                        if (current.length == 0 || current[0] != 'U' || current[2] != 'Z') {
                            current = "UNZ+20000+BIG'".getBytes(StandardCharsets.ISO_8859_1);
                            pos = 0;
                            continue;
                        }
                        return -1;
                    }
                    sent++;
                    current = message(sent).getBytes(StandardCharsets.ISO_8859_1);
                    pos = 0;
                }
                return current[pos++] & 0xff;
            }
        };
        int[] seen = {0};
        int[] longest = {0};
        EnvelopeScan scan = new EnvelopeChecker(EnvelopeLimits.DEFAULT).scan(big, 4_000_000, (m, standalone) -> {
            seen[0]++;
            longest[0] = Math.max(longest[0], standalone.length());
        });
        assertThat(scan.envelope().acceptable()).as("%s", scan.findings()).isTrue();
        assertThat(scan.messageCount()).isEqualTo(20_000);
        assertThat(seen[0]).isEqualTo(20_000);
        assertThat(scan.envelope().messages()).as("only messages with findings are kept").isEmpty();
        assertThat(scan.envelope().text()).isEmpty();
        assertThat(longest[0]).isLessThan(400);
    }

    /** Compares both checks on one input; returns how many messages were compared. */
    private static int compare(byte[] raw, EnvelopeChecker streaming) {
        CheckedInterchange whole = new EnvelopeChecker(LIMITS).check(raw);
        List<String> standalone = new ArrayList<>();
        List<MessageSlice> slices = new ArrayList<>();
        EnvelopeScan scan = streaming.scan(new ByteArrayInputStream(raw), raw.length, (m, text) -> {
            slices.add(m);
            standalone.add(text);
        });
        assertThat(scan.envelope().acceptable()).as("%s vs %s", scan.findings(), whole.findings()).isEqualTo(whole.acceptable());
        assertThat(describe(scan.findings())).isEqualTo(describe(whole.findings()));
        assertThat(scan.header()).isEqualTo(whole.header());
        assertThat(scan.messageCount()).isEqualTo(whole.messages().size());
        assertThat(scan.businessDate()).isEqualTo(whole.businessDate());
        assertThat(scan.messageTypes()).isEqualTo(whole.messages().stream().map(MessageSlice::type).distinct().toList());
        assertThat(slices).isEqualTo(whole.messages());
        assertThat(standalone).isEqualTo(whole.messages().stream().map(whole::standalone).toList());
        assertThat(scan.envelope().messages()).isEqualTo(whole.messages().stream().filter(m -> !m.acceptable()).toList());
        return slices.size();
    }

    private static boolean unreadable(CheckedInterchange c) {
        return c.findings().stream().anyMatch(f -> f.kind() == EdifactFinding.BINARY_CONTENT
                || f.kind() == EdifactFinding.INVALID_CHARACTER);
    }

    private static List<String> describe(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + "@" + f.segmentPosition() + "/" + f.segmentTag() + ": " + f.detail()).toList();
    }

    private static List<byte[]> samples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/samples"))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.toString().endsWith(".edi")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        }
    }

    /** An interchange of a few ORDERS: UNA or none, ASCII, Latin-1 or UTF-8 text with release characters, line breaks or not. */
    private static byte[] generated(Random rnd) {
        String[][] sets = {{"UNOA", "US-ASCII"}, {"UNOC", "ISO-8859-1"}, {"UNOY", "UTF-8"}};
        String[] set = sets[rnd.nextInt(sets.length)];
        Charset cs = Charset.forName(set[1]);
        String text = interchange(cs, set[0], 1 + rnd.nextInt(12));
        if (rnd.nextBoolean()) {
            text = text.replace("'", "'\n");
        }
        if (rnd.nextBoolean()) {
            text = text.substring("UNA:+.? '".length());
        }
        return text.getBytes(cs);
    }

    private static String interchange(Charset cs, String syntax, int messages) {
        StringBuilder s = new StringBuilder("UNA:+.? 'UNB+" + syntax + ":3+5412345000013:14+4012345000009:14+261127:0300+REF?+1'");
        for (int i = 1; i <= messages; i++) {
            String m = message(i);
            if (cs.equals(StandardCharsets.UTF_8)) {
                m = m.replace("Quai", "Quai → Łódź €");
            } else if (cs.equals(StandardCharsets.ISO_8859_1)) {
                m = m.replace("Quai", "Quai é à");
            }
            s.append(m);
        }
        return s.append("UNZ+").append(messages).append("+REF?+1'").toString();
    }

    private static String message(int n) {
        return "UNH+" + n + "+ORDERS:D:96A:UN:EAN008'BGM+220+PO-" + n + "+9'DTM+137:202611" + String.format("%02d", 1 + n % 28)
                + ":102'FTX+AAI+++Quai 4?: RDV?'s ?+ 50?? ok'NAD+BY+5412345000013::9'LIN+1++4000862141404:EN'QTY+21:"
                + n + "'UNS+S'UNT+9+" + n + "'";
    }
}
