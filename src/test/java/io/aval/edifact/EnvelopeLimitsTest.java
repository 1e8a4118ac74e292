package io.aval.edifact;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The envelope checks stop early, with their own finding, on inputs no real interchange comes near. */
class EnvelopeLimitsTest {

    private static final EnvelopeLimits SMALL = new EnvelopeLimits(4000, 200, 12);

    private final EnvelopeChecker checker = new EnvelopeChecker(SMALL);

    @Test
    void refusesAnOversizeInterchangeUnreadButNamesItsSenderAndReference() {
        String edi = interchange(ACME, "BIG0001", ordersBody("PO-B-1", "20261126", "4000862141404", 5))
                .replace("UNS+S'", "FTX+AAI+++" + "X".repeat(150) + "'".repeat(1) + "UNS+S'".repeat(1)) + " ".repeat(5000);
        CheckedInterchange c = checker.check(bytes(edi));
        assertThat(c.acceptable()).isFalse();
        assertThat(c.firstFinding()).get().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(EdifactFinding.INTERCHANGE_TOO_LARGE);
            assertThat(f.describe()).contains(edi.length() + " bytes", "limit is 4000", "aval.limits.max-interchange-bytes");
        });
        assertThat(c.header()).isNotNull();
        assertThat(c.header().senderId()).isEqualTo(ACME);
        assertThat(c.header().controlRef()).isEqualTo("BIG0001");
        assertThat(c.messages()).isEmpty();
    }

    @Test
    void refusesASegmentLongerThanTheLimitNamingItsPositionAndTag() {
        String edi = interchange(ACME, "SEG0001", ordersBody("PO-S-1", "20261126", "4000862141404", 5))
                .replace("UNS+S'", "FTX+AAI+++" + "X".repeat(500) + "'UNS+S'");
        CheckedInterchange c = checker.check(bytes(edi));
        assertThat(c.firstFinding()).get().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(EdifactFinding.SEGMENT_TOO_LARGE);
            assertThat(f.segmentTag()).isEqualTo("FTX");
            assertThat(f.segmentPosition()).isEqualTo(12); // UNA, UNB, UNH, the 8 body segments before it
            assertThat(f.describe()).contains("runs on past 200 characters", "aval.limits.max-segment-bytes");
        });
        assertThat(c.header().controlRef()).isEqualTo("SEG0001");
    }

    @Test
    void stopsReadingAMessageWithMoreSegmentsThanTheLimit() {
        String[] body = new String[20];
        for (int i = 0; i < body.length; i++) {
            body[i] = "FTX+AAI+++line " + i;
        }
        CheckedInterchange c = checker.check(bytes(interchange(ACME, "MANY001", body)));
        assertThat(c.firstFinding()).get().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(EdifactFinding.TOO_MANY_SEGMENTS);
            assertThat(f.describe()).contains("message 1", "past 12 segments", "aval.limits.max-message-segments");
        });
    }

    @Test
    void theDefaultsLetEveryOrdinaryInterchangeThrough() {
        CheckedInterchange c = new EnvelopeChecker().check(bytes(interchange(ACME, "OK00001",
                ordersBody("PO-1", "20261126", "4000862141404", 5))));
        assertThat(c.findings()).isEmpty();
        assertThat(EnvelopeLimits.DEFAULT.maxMessageSegments()).isEqualTo(999_999);
    }

    /** Found by hand after fuzzing: a syntax identifier with a regex character broke the version-2 rewrite. */
    @Test
    void syntaxVersionTwoWithAnOddIdentifierIsAFindingNotACrash() {
        String edi = "UNA:+.? 'UNB+UNOA(:2+S:14+R:14+261126:1300+REF1'UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO1+9'"
                + "UNT+3+1'UNZ+1+REF1'";
        CheckedInterchange c = new EnvelopeChecker().check(bytes(edi));
        assertThat(c.firstFinding()).get().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(EdifactFinding.SYNTAX_NOT_SUPPORTED);
            assertThat(f.describe()).contains("UNOA(");
        });
    }

    @Test
    void syntaxVersionTwoIsPresentedToTheReaderAsThree() {
        String edi = "UNA:+.? 'UNB+UNOA:2+S:14+R:14+261126:1300+REF1'UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO1+9'"
                + "UNT+3+1'UNZ+1+REF1'";
        CheckedInterchange c = new EnvelopeChecker().check(bytes(edi));
        assertThat(c.findings()).isEmpty();
        assertThat(c.standalone(c.messages().get(0))).startsWith("UNA:+.? 'UNB+UNOA:3+S:14");
    }

    @Test
    void aByteOutsideTheDeclaredCharacterSetIsPlacedInItsSegmentAndInterchange() {
        String edi = interchange(ACME, "CHR0001", ordersBody("PO-C-1", "20261126", "4000862141404", 5))
                .replace("UNOC:3", "UNOA:3").replace("UNS+S'", "FTX+AAI+++Livr\u00e9 au quai'UNS+S'");
        CheckedInterchange c = new EnvelopeChecker().check(bytes(edi));
        assertThat(c.firstFinding()).get().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(EdifactFinding.INVALID_CHARACTER);
            assertThat(f.segmentPosition()).isEqualTo(12);
            assertThat(f.segmentTag()).isEqualTo("FTX");
            assertThat(f.describe()).contains("byte 0xE9 at offset " + edi.indexOf('\u00e9'), "not valid UNOA (US-ASCII)");
        });
        assertThat(c.header().controlRef()).isEqualTo("CHR0001");
        assertThat(c.acceptable()).isFalse();
    }

    /** The checks walk a million segments in one pass and stop at the limit: seconds at most, not a hang. */
    @Test
    void millionSegmentMessageIsRefusedAtTheDefaultLimitInOnePass() {
        StringBuilder edi = new StringBuilder("UNA:+.? 'UNB+UNOC:3+" + ACME + ":14+4012345000009:14+261126:1200+MIL0001'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-M+9'");
        for (int i = 0; i < 1_000_000; i++) {
            edi.append("FTX+AAI+++").append(i % 10).append('\'');
        }
        edi.append("UNT+1000003+1'UNZ+1+MIL0001'");
        byte[] raw = bytes(edi.toString());
        long started = System.nanoTime();
        CheckedInterchange c = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> new EnvelopeChecker().check(raw));
        System.out.printf("envelope checks: %d segments (%d bytes) refused in %d ms%n", 1_000_000, raw.length,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(c.firstFinding()).get().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(EdifactFinding.TOO_MANY_SEGMENTS);
            assertThat(f.segmentPosition()).isEqualTo(1_000_001); // UNA, UNB, then UNH..: the 999999th of the message
        });
    }
}
