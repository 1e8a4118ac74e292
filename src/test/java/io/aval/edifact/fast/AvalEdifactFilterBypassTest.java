package io.aval.edifact.fast;

import io.aval.edifact.fast.EdifactXml.Directory;
import io.aval.edifact.fast.EdifactXml.Implementation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smooks.Smooks;
import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.visitor.dom.DOMVisitBefore;
import org.smooks.api.resource.visitor.sax.ng.AfterVisitor;
import org.smooks.api.resource.visitor.sax.ng.BeforeVisitor;
import org.smooks.io.sink.DOMSink;
import org.smooks.io.sink.StreamSink;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.ReaderSource;
import org.smooks.io.source.StreamSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;

import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mappings/ Aval configs let Smooks bypass its filter (FilterBypass) while the Aval reader or writer is their only
 * visitor. These tests hold the bypassed run to what Smooks' filter makes of the same config once another visitor is
 * added (Smooks then runs the filter): the same XML, the same EDIFACT bytes, the same rejections, and the added
 * visitor sees (and may change) its elements.
 */
class AvalEdifactFilterBypassTest {

    /** counts the elements it is selected on, in the DOM or the SAX NG filter */
    public static final class CountingVisitor implements DOMVisitBefore, BeforeVisitor {
        static final AtomicInteger VISITS = new AtomicInteger();

        @Override
        public void visitBefore(Element element, ExecutionContext executionContext) {
            VISITS.incrementAndGet();
        }
    }

    /** rewrites the BGM document number (its first E1004) when the BGM ends, as a mapping visitor on a segment would */
    public static final class DocumentNumberVisitor implements AfterVisitor {
        @Override
        public void visitAfter(Element bgm, ExecutionContext executionContext) {
            Node number = bgm.getElementsByTagName("E1004").item(0); // D96A: BGM/E1004, D01B: BGM/C106/E1004
            if (number != null) {
                number.setTextContent("REWRITTEN");
            }
        }
    }

    private static List<byte[]> corpus(Directory directory) {
        EdifactCorpusGenerator g = new EdifactCorpusGenerator(directory == Directory.D96A ? 96 : 1, directory.name());
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(g.interchange(g.nextStyle(), 10, i));
        }
        return out;
    }

    private static Smooks production(Directory directory, String operation) {
        return EdifactXml.newSmooks(Implementation.AVAL, directory, operation);
    }

    private static boolean bypassed(Smooks smooks) {
        return smooks.createExecutionContext().getContentDeliveryRuntime().getContentDeliveryConfig().getFilterBypass() != null;
    }

    private static String parse(Smooks smooks, byte[] edi) {
        StringSink sink = new StringSink();
        smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(edi)), sink);
        return sink.getResult();
    }

    private static byte[] write(Smooks smooks, String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        smooks.filterSource(new ReaderSource<>(new StringReader(xml)), new StreamSink<>(out));
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Directory.class)
    void readerBypassWritesTheXmlOfTheDomFilterAndAnExtraVisitorStillRuns(Directory directory) {
        Smooks bypassing = production(directory, "parse");
        Smooks filtering = production(directory, "parse");
        filtering.addVisitor(new CountingVisitor(), "BGM");
        assertThat(bypassed(bypassing)).isTrue();
        assertThat(bypassed(filtering)).isFalse();
        Smooks saxNg = AvalEdifactDifferentialTest.testConfig("parse-aval-emit", directory); // SAX NG, no bypass
        for (byte[] edi : corpus(directory)) {
            String fast = parse(bypassing, edi);
            CountingVisitor.VISITS.set(0);
            String dom = parse(filtering, edi);
            assertThat(CountingVisitor.VISITS.get()).isEqualTo(count(dom, "<BGM>") + count(dom, "<BGM/>")).isPositive();
            assertThat(AvalEdifactDifferentialTest.emptyElementsClosed(fast)).isEqualTo(AvalEdifactDifferentialTest.emptyElementsClosed(dom));
            if (!dom.contains("xsi:nil")) {
                assertThat(DiffBuilder.compare(dom).withTest(fast).checkForIdentical().build().hasDifferences()).isFalse();
            }
            // byte for byte what Smooks' SAX NG serialiser writes for the reader's events
            assertThat(fast).isEqualTo(parse(saxNg, edi));
        }
    }

    /** closes what it is given, and says so */
    private static final class Closed {
        int inputs;
        int outputs;

        ByteArrayInputStream in(byte[] bytes) {
            return new ByteArrayInputStream(bytes) {
                @Override
                public void close() {
                    inputs++;
                }
            };
        }

        ByteArrayOutputStream out() {
            return new ByteArrayOutputStream() {
                @Override
                public void close() {
                    outputs++;
                }
            };
        }
    }

    /**
     * A bypassed run closes its source stream and its sink stream, as Smooks' filter does (close.source and close.sink, on
     * by default): on every run, also after the first, when the bypass has kept what the global parameters say.
     */
    @Test
    void bypassesCloseSourceAndSinkOnEveryRunAsTheFilterDoes() throws Exception {
        byte[] edi = corpus(Directory.D96A).get(0);
        byte[] xml = EdifactXml.of(Implementation.AVAL, Directory.D96A).parse(edi).getBytes(StandardCharsets.UTF_8);
        for (String kind : List.of("parse", "write")) {
            byte[] input = kind.equals("parse") ? edi : xml;
            Smooks bypassing = production(Directory.D96A, kind);
            Smooks filtering = production(Directory.D96A, kind);
            filtering.addVisitor(new CountingVisitor(), "BGM");
            assertThat(bypassed(bypassing)).isTrue();
            List<Closed> counts = new ArrayList<>();
            for (Smooks smooks : List.of(bypassing, filtering)) {
                Closed closed = new Closed();
                for (int run = 0; run < 3; run++) {
                    smooks.filterSource(new StreamSource<>(closed.in(input)), new StreamSink<>(closed.out()));
                }
                counts.add(closed);
            }
            // the XML parser of a write run closes its input too: as often as with the filter, at least once a run
            assertThat(counts.get(0).inputs).as(kind).isEqualTo(counts.get(1).inputs).isGreaterThanOrEqualTo(3);
            assertThat(counts.get(0).outputs).as(kind).isEqualTo(counts.get(1).outputs).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void readerBypassDeclinesADomSinkAndTheDomFilterFillsIt() throws Exception {
        byte[] edi = corpus(Directory.D96A).get(0);
        Smooks smooks = production(Directory.D96A, "parse");
        DOMSink sink = new DOMSink();
        smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(edi)), sink);
        StringWriter xml = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(sink.getNode()), new StreamResult(xml));
        assertThat(DiffBuilder.compare(parse(smooks, edi)).withTest(xml.toString()).ignoreWhitespace().checkForSimilar().build()
                .hasDifferences()).isFalse();
    }

    @Test
    void readerBypassRejectsWhatTheDomFilterRejectsWithTheSameRootCause() throws Exception {
        Smooks bypassing = production(Directory.D96A, "parse");
        Smooks filtering = production(Directory.D96A, "parse");
        filtering.addVisitor(new CountingVisitor(), "UNH");
        int rejected = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Paths.get("src/test/resources/edifact/broken"), "*.edi")) {
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                String fast = outcome(() -> parse(bypassing, bytes));
                String dom = outcome(() -> parse(filtering, bytes));
                assertThat(AvalEdifactDifferentialTest.emptyElementsClosed(fast)).as(file.toString())
                        .isEqualTo(AvalEdifactDifferentialTest.emptyElementsClosed(dom));
                rejected += fast.startsWith("rejected") ? 1 : 0;
            }
        }
        assertThat(rejected).isPositive();
    }

    private static String outcome(java.util.function.Supplier<String> run) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return "rejected: " + t.getClass().getName() + ": " + t.getMessage();
        }
    }

    @ParameterizedTest
    @EnumSource(Directory.class)
    void writerBypassWritesTheBytesOfTheFilterAndAnExtraVisitorStillChangesTheOutput(Directory directory) {
        Smooks bypassing = production(directory, "write");
        Smooks filtering = production(directory, "write");
        filtering.addVisitor(new CountingVisitor(), "BGM");
        Smooks rewriting = production(directory, "write");
        rewriting.addVisitor(new DocumentNumberVisitor(), "BGM");
        assertThat(bypassed(bypassing)).isTrue();
        assertThat(bypassed(filtering)).isFalse();
        assertThat(bypassed(rewriting)).isFalse();
        EdifactXml aval = EdifactXml.of(Implementation.AVAL, directory);
        int rewritten = 0;
        for (byte[] edi : corpus(directory)) {
            String xml = aval.parse(edi);
            byte[] fast = write(bypassing, xml);
            CountingVisitor.VISITS.set(0);
            assertThat(new String(write(filtering, xml), StandardCharsets.UTF_8)).isEqualTo(new String(fast, StandardCharsets.UTF_8));
            assertThat(CountingVisitor.VISITS.get()).isPositive();
            String changedXml = xml.replaceAll("(<BGM>(?:(?!</BGM>).)*?<E1004>)[^<]*(</E1004>)", "$1REWRITTEN$2");
            if (!changedXml.equals(xml)) {
                assertThat(new String(write(rewriting, xml), StandardCharsets.UTF_8))
                        .isEqualTo(new String(write(bypassing, changedXml), StandardCharsets.UTF_8));
                rewritten++;
            }
        }
        assertThat(rewritten).isPositive();
    }

    @Test
    void writerBypassRejectsWhatTheFilterRejectsWithTheSameRootCause() throws Exception {
        Smooks bypassing = production(Directory.D96A, "write");
        Smooks filtering = production(Directory.D96A, "write");
        filtering.addVisitor(new CountingVisitor(), "BGM");
        String good = Files.readString(Paths.get("src/test/resources/edifact/orders-d96a/ok-basic.expected.xml"));
        List<String> inputs = List.of(good,
                // the stock reader's xsi:nil without an xsi declaration: not namespace-well-formed, for either parser
                Files.readString(Paths.get("src/test/resources/edifact/stock-quirks/f6-ali-nil-mid.expected.xml")),
                good.substring(0, good.length() / 2),
                good.replace("<BGM>", "<BGM><Nonsense>1</Nonsense>"));
        int rejected = 0;
        for (String xml : inputs) {
            String fast = outcome(() -> new String(write(bypassing, xml), StandardCharsets.UTF_8));
            assertThat(fast).isEqualTo(outcome(() -> new String(write(filtering, xml), StandardCharsets.UTF_8)));
            rejected += fast.startsWith("rejected") ? 1 : 0;
        }
        assertThat(rejected).isGreaterThanOrEqualTo(2);
    }

    @Test
    void writerSelectedOnEveryElementAsBeforeWritesTheSameBytes() throws Exception {
        Smooks perElement = new Smooks(new ByteArrayInputStream(("<smooks-resource-list xmlns=\"https://www.smooks.org/xsd/smooks-2.0.xsd\">"
                + "<params><param name=\"default.serialization.on\">false</param></params>"
                + "<resource-config selector=\"*\"><resource>io.aval.edifact.fast.AvalEdifactUnparser</resource></resource-config>"
                + "</smooks-resource-list>").getBytes(StandardCharsets.UTF_8)));
        assertThat(bypassed(perElement)).isFalse();
        Smooks bypassing = production(Directory.D96A, "write");
        EdifactXml aval = EdifactXml.of(Implementation.AVAL, Directory.D96A);
        for (byte[] edi : corpus(Directory.D96A)) {
            String xml = aval.parse(edi);
            assertThat(write(perElement, xml)).isEqualTo(write(bypassing, xml));
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
