package io.aval.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aval.testing.TestGateway;
import org.junit.jupiter.api.Test;

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
}
