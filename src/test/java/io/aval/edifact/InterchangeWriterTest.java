package io.aval.edifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterchangeWriterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:00Z"), ZoneOffset.UTC);

    static Document xml(String body) throws Exception {
        String message = """
                <D96A:Message xmlns:D96A="http://www.ibm.com/dfdl/edi/un/edifact/D96A">
                  <UNH><E0062>99</E0062><S009><E0065>INVOIC</E0065><E0052>D</E0052><E0054>96A</E0054><E0051>UN</E0051><E0057>EAN008</E0057></S009></UNH>
                  <D96A:INVOIC>%s</D96A:INVOIC>
                  <UNT><E0074>999</E0074><E0062>99</E0062></UNT>
                </D96A:Message>""".formatted(body);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    }

    static EnvelopeProfile profile(int version, SyntaxCharset charset, CharsetPolicy policy, boolean una) {
        return new EnvelopeProfile(version, charset, policy, una, "4012345000009", "14", "5412345000013", "14",
                "REF1", false, false, null, EdifactDirectory.D96A);
    }

    static final String BGM = "<BGM><C002><E1001>380</E1001></C002><E1004>%s</E1004><E1225>9</E1225></BGM>";

    @ParameterizedTest(name = "{0} in syntax {1} is written as {2}")
    @CsvSource(delimiter = '|', value = {
            "A?B      | 3 | A??B",
            "it's     | 3 | it?'s",
            "1+1      | 3 | 1?+1",
            "a:b      | 3 | a?:b",
            "x*y      | 3 | x*y",
            "x*y      | 4 | x?*y",
            "?'+:*    | 4 | ???'?+?:?*"})
    void releasesServiceCharactersOfTheSyntaxVersion(String value, int version, String written) throws Exception {
        SyntaxCharset charset = version == 4 ? SyntaxCharset.UNOW : SyntaxCharset.UNOC;
        String text = new InterchangeWriter(CLOCK).writeText(profile(version, charset, CharsetPolicy.REJECT, true),
                List.of(xml(BGM.formatted(value))));
        assertThat(text).contains("BGM+380+" + written + "+9'");
    }

    @Test
    void syntax3UsesTwoDigitYearsAndSyntax4FourDigitYears() throws Exception {
        String v3 = new InterchangeWriter(CLOCK).writeText(profile(3, SyntaxCharset.UNOC, CharsetPolicy.REJECT, true), List.of(xml(BGM.formatted("X"))));
        String v4 = new InterchangeWriter(CLOCK).writeText(profile(4, SyntaxCharset.UNOC, CharsetPolicy.REJECT, true), List.of(xml(BGM.formatted("X"))));
        assertThat(v3).startsWith("UNA:+.? 'UNB+UNOC:3+4012345000009:14+5412345000013:14+260304:0506+REF1'");
        assertThat(v4).startsWith("UNA:+.?*'UNB+UNOC:4+4012345000009:14+5412345000013:14+20260304:0506+REF1'");
    }

    @Test
    void computesMessageNumberAndSegmentCountWhateverTheMappingSays() throws Exception {
        String text = new InterchangeWriter(CLOCK).writeText(profile(3, SyntaxCharset.UNOC, CharsetPolicy.REJECT, false),
                List.of(xml(BGM.formatted("X") + "<DTM><C507><E2005>137</E2005><E2380>20260304</E2380><E2379>102</E2379></C507></DTM>")));
        assertThat(text).isEqualTo("UNB+UNOC:3+4012345000009:14+5412345000013:14+260304:0506+REF1'"
                + "UNH+1+INVOIC:D:96A:UN:EAN008'BGM+380+X+9'DTM+137:20260304:102'UNT+4+1'UNZ+1+REF1'");
    }

    @Test
    void writesAckRequestTestIndicatorAndApplicationReferenceAtTheirUnbPositions() throws Exception {
        EnvelopeProfile p = new EnvelopeProfile(3, SyntaxCharset.UNOC, CharsetPolicy.REJECT, false, "S", null, "R", "ZZ",
                "REF2", true, true, "INVOIC", EdifactDirectory.D96A);
        assertThat(new InterchangeWriter(CLOCK).writeText(p, List.of(xml(BGM.formatted("X")))))
                .startsWith("UNB+UNOC:3+S+R:ZZ+260304:0506+REF2++INVOIC++1++1'");
    }

    @Test
    void keepsEmptyElementsInsideASegmentAndDropsTrailingOnes() throws Exception {
        String tax = "<TAX><E5283>7</E5283><C241><E5153>VAT</E5153></C241><C243><E5278>20</E5278></C243><E5305>S</E5305></TAX>";
        String text = new InterchangeWriter(CLOCK).writeText(profile(3, SyntaxCharset.UNOC, CharsetPolicy.REJECT, false),
                List.of(xml(BGM.formatted("X") + "<SegGrp-6>" + tax + "</SegGrp-6>")));
        assertThat(text).contains("TAX+7+VAT+++:::20+S'");
    }

    @Test
    void unocTransliteratesWhatLatin1CannotCarryAndEncodesLatin1() throws Exception {
        byte[] bytes = new InterchangeWriter(CLOCK).write(profile(3, SyntaxCharset.UNOC, CharsetPolicy.TRANSLITERATE, false),
                xml(BGM.formatted("Œuvre 5 € – été")));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("BGM+380+OEuvre 5 EUR - été+9'");
        assertThat(bytes).contains((byte) 0xE9);
    }

    @Test
    void unoaUpperCasesAndStripsAccents() throws Exception {
        String text = new InterchangeWriter(CLOCK).writeText(profile(3, SyntaxCharset.UNOA, CharsetPolicy.TRANSLITERATE, false),
                List.of(xml(BGM.formatted("Crème brûlée @ Straße"))));
        assertThat(text).contains("BGM+380+CREME BRULEE   STRASSE+9'");
    }

    @Test
    void rejectsUnicodeOnlyCharsetsInSyntax3() {
        assertThatThrownBy(() -> profile(3, SyntaxCharset.UNOW, CharsetPolicy.REJECT, true))
                .isInstanceOfSatisfying(TranslationException.class,
                        e -> assertThat(e.failure()).isEqualTo(TranslationException.Failure.INVALID_PROFILE))
                .hasMessageContaining("UNOW needs syntax version 4");
    }

    @Test
    void rejectsAnElementTheDirectoryDoesNotHave() {
        assertThatThrownBy(() -> new InterchangeWriter(CLOCK).write(profile(3, SyntaxCharset.UNOC, CharsetPolicy.REJECT, true),
                xml("<BGM><C002><E1001>380</E1001></C002><E9999>X</E9999></BGM>")))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(TranslationException.Failure.INVALID_MESSAGE_XML);
                    assertThat(e.interchangeReference()).isEqualTo("REF1");
                })
                .hasMessageContaining("<E9999> is not allowed at this place in BGM");
    }

    @Test
    void rejectsElementsOutOfSchemaOrder() {
        assertThatThrownBy(() -> new InterchangeWriter(CLOCK).write(profile(3, SyntaxCharset.UNOC, CharsetPolicy.REJECT, true),
                xml("<BGM><E1225>9</E1225><C002><E1001>380</E1001></C002></BGM>")))
                .isInstanceOf(TranslationException.class).hasMessageContaining("<C002> is not allowed");
    }
}
