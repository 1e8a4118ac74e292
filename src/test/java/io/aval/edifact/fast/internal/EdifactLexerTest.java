package io.aval.edifact.fast.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same segments whatever the buffer the input's expected length gives the lexer, also for segments longer than it. */
class EdifactLexerTest {

    private static List<String> segments(String edifact, int expectedChars) throws Exception {
        EdifactLexer lexer = new EdifactLexer(new StringReader(edifact), expectedChars);
        lexer.readServiceStringAdvice();
        List<String> out = new ArrayList<>();
        for (RawSegment s = lexer.next(); s != null; s = lexer.next()) {
            out.add(s.tag + "|" + s.body + "|" + s.position);
        }
        return out;
    }

    @Test
    void aSmallHintStillReadsSegmentsLongerThanItsBuffer() throws Exception {
        String longText = "A?+B?:C??D?'E".repeat(200); // 2,600 characters, release characters across every refill
        String edifact = "UNA:+.? 'UNB+UNOC:3+S:14+R:14+250102:1200+REF1'UNH+1+ORDERS:D:96A:UN:EAN008'"
                + "FTX+AAI+++" + longText + "'UNT+3+1'UNZ+1+REF1'\n";

        List<String> unknown = segments(edifact, 0);
        List<String> tiny = segments(edifact, 1);
        List<String> underestimated = segments(edifact, 300);

        assertThat(unknown).hasSize(5);
        assertThat(unknown.get(2)).contains(longText);
        assertThat(tiny).isEqualTo(unknown);
        assertThat(underestimated).isEqualTo(unknown);
    }

    @Test
    void buffersFitAKnownSmallInputAndNeverOverflow() {
        assertThat(EdifactLexer.bufferChars(600)).isEqualTo(616);
        assertThat(EdifactLexer.bufferChars(1)).isEqualTo(256);
        assertThat(EdifactLexer.bufferChars(0)).isEqualTo(EdifactLexer.BUFFER_CHARS);
        assertThat(EdifactLexer.bufferChars(Integer.MAX_VALUE)).isEqualTo(EdifactLexer.BUFFER_CHARS);
        assertThat(InterchangeParser.bufferBytes(600)).isEqualTo(616);
        assertThat(InterchangeParser.bufferBytes(Integer.MAX_VALUE)).isEqualTo(65536);
        assertThat(InterchangeParser.bufferBytes(-1)).isEqualTo(65536);
    }
}
