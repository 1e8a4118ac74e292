package io.aval.bench;

import io.aval.edifact.fast.EdifactXml;
import io.aval.edifact.fast.EdifactXml.Directory;
import io.aval.edifact.fast.EdifactXml.Implementation;
import org.smooks.Smooks;
import org.smooks.io.sink.StreamSink;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.ReaderSource;
import org.smooks.io.source.StreamSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Side-by-side benchmark of the stock Smooks EDIFACT cartridge and the Aval reader and writer, in one process, through
 * the same mappings/ configs the gateway uses: start-up to the first parsed message, then parse and write throughput
 * on one in-memory corpus after a warm-up. The stock side is slow, so its measured phases are bounded by time.
 * Run: {@code mvn -q -o compile exec:java -Dexec.mainClass=io.aval.bench.EdifactBenchmark} (add {@code -Dexec.args=--json}).
 */
public final class EdifactBenchmark {

    /** what to run; the defaults keep a run under about two minutes on two cores */
    public static final class BenchOptions {
        public int orders = 2000;
        public int desadv = 300;
        public int invoic = 300;
        public int messagesPerInterchange = 100;
        public double warmUpSeconds = 3;
        public double avalSeconds = 5;
        public double stockSeconds = 10;
        /** the stock side runs code (Daffodil, Smooks' filter) the Aval side never warms: it gets its own warm-up */
        public double stockWarmUpSeconds = 5;
        public Directory directory = Directory.D96A;
    }

    /** measured figures; see {@link #toJson()} for the keys */
    public static final class Result {
        public int messages;
        public long bytes;
        public double parseStockPerSecond;
        public double parseAvalPerSecond;
        public double writeStockPerSecond;
        public double writeAvalPerSecond;
        /** the Aval reader/writer called directly (EDIFACT to XML text and back, no Smooks pipeline around it) */
        public double parseAvalDirectPerSecond;
        public double writeAvalDirectPerSecond;
        public double readyStockSeconds;
        public double readyAvalSeconds;
        public double parseStockMBps;
        public double parseAvalMBps;
        public double writeStockMBps;
        public double writeAvalMBps;

        public double parseRatio() {
            return parseAvalPerSecond / parseStockPerSecond;
        }

        public double writeRatio() {
            return writeAvalPerSecond / writeStockPerSecond;
        }

        public String toJson() {
            return String.format(Locale.ROOT,
                    "{\"parse\": {\"stockPerSecond\": %.1f, \"avalPerSecond\": %.1f, \"ratio\": %.1f}, "
                            + "\"write\": {\"stockPerSecond\": %.1f, \"avalPerSecond\": %.1f, \"ratio\": %.1f}, "
                            + "\"direct\": {\"parseAvalPerSecond\": %.1f, \"parseRatio\": %.1f, \"writeAvalPerSecond\": %.1f, \"writeRatio\": %.1f}, "
                            + "\"readySeconds\": {\"stock\": %.2f, \"aval\": %.2f}, \"messages\": %d, \"bytes\": %d}",
                    parseStockPerSecond, parseAvalPerSecond, parseRatio(), writeStockPerSecond, writeAvalPerSecond, writeRatio(),
                    parseAvalDirectPerSecond, parseAvalDirectPerSecond / parseStockPerSecond,
                    writeAvalDirectPerSecond, writeAvalDirectPerSecond / writeStockPerSecond,
                    readyStockSeconds, readyAvalSeconds, messages, bytes);
        }

        public String toTable() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "corpus: %d messages, %d bytes%n", messages, bytes));
            b.append(String.format(Locale.ROOT, "%-22s %14s %14s %10s%n", "", "stock", "aval", "ratio"));
            b.append(String.format(Locale.ROOT, "%-22s %14.1f %14.1f %9.1fx%n", "parse messages/s", parseStockPerSecond, parseAvalPerSecond, parseRatio()));
            b.append(String.format(Locale.ROOT, "%-22s %14.3f %14.3f%n", "parse MB/s", parseStockMBps, parseAvalMBps));
            b.append(String.format(Locale.ROOT, "%-22s %14.1f %14.1f %9.1fx%n", "write messages/s", writeStockPerSecond, writeAvalPerSecond, writeRatio()));
            b.append(String.format(Locale.ROOT, "%-22s %14.3f %14.3f%n", "write MB/s", writeStockMBps, writeAvalMBps));
            b.append(String.format(Locale.ROOT, "%-22s %14.1f %14.1f %9.1fx%n", "parse direct msgs/s", parseStockPerSecond, parseAvalDirectPerSecond,
                    parseAvalDirectPerSecond / parseStockPerSecond));
            b.append(String.format(Locale.ROOT, "%-22s %14.1f %14.1f %9.1fx%n", "write direct msgs/s", writeStockPerSecond, writeAvalDirectPerSecond,
                    writeAvalDirectPerSecond / writeStockPerSecond));
            b.append(String.format(Locale.ROOT, "%-22s %14.2f %14.2f %9.1fx%n", "ready (s)", readyStockSeconds, readyAvalSeconds,
                    readyStockSeconds / readyAvalSeconds));
            return b.toString();
        }
    }

    public Result run(BenchOptions o) {
        BenchCorpus corpus = BenchCorpus.build(o.orders, o.desadv, o.invoic, o.messagesPerInterchange, 42);
        Result r = new Result();
        r.messages = corpus.messages;
        r.bytes = corpus.bytes;
        byte[] first = corpus.interchanges.get(0);
        double perInterchange = (double) corpus.messages / corpus.interchanges.size();

        // start-up: Smooks creation + first parse, Aval first so that it starts cold too
        long t0 = System.nanoTime();
        Smooks avalParse = EdifactXml.newSmooks(Implementation.AVAL, o.directory, "parse");
        parse(avalParse, first);
        r.readyAvalSeconds = seconds(System.nanoTime() - t0);
        t0 = System.nanoTime();
        Smooks stockParse = EdifactXml.newSmooks(Implementation.STOCK, o.directory, "parse");
        parse(stockParse, first);
        r.readyStockSeconds = seconds(System.nanoTime() - t0);

        List<String> xml = new ArrayList<>();
        for (byte[] interchange : corpus.interchanges) {
            xml.add(parse(avalParse, interchange));
        }

        // parse
        Rate aval = time(o.warmUpSeconds, o.avalSeconds, corpus.interchanges, i -> parse(avalParse, corpus.interchanges.get(i)),
                i -> corpus.interchanges.get(i).length);
        Rate stock = time(o.stockWarmUpSeconds, o.stockSeconds, corpus.interchanges, i -> parse(stockParse, corpus.interchanges.get(i)),
                i -> corpus.interchanges.get(i).length);
        r.parseAvalPerSecond = aval.interchanges * perInterchange / aval.seconds;
        r.parseStockPerSecond = stock.interchanges * perInterchange / stock.seconds;
        r.parseAvalMBps = aval.bytes / 1e6 / aval.seconds;
        r.parseStockMBps = stock.bytes / 1e6 / stock.seconds;

        io.aval.edifact.fast.internal.InterchangeParser direct = io.aval.edifact.fast.AvalEdifactReader.parserFor(o.directory.schemaUri(), "ORDERS,DESADV,INVOIC,ORDRSP");
        Rate avalDirect = time(o.warmUpSeconds, o.avalSeconds, corpus.interchanges, i -> {
            StringBuilder sb = new StringBuilder(corpus.interchanges.get(i).length * 4);
            try {
                direct.parse(new ByteArrayInputStream(corpus.interchanges.get(i)), new io.aval.edifact.fast.internal.XmlText(sb));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return sb;
        }, i -> corpus.interchanges.get(i).length);
        r.parseAvalDirectPerSecond = avalDirect.interchanges * perInterchange / avalDirect.seconds;

        // write
        Rate avalWriteDirect = time(o.warmUpSeconds, o.avalSeconds, corpus.interchanges, i -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(corpus.interchanges.get(i).length + 1024);
            io.aval.edifact.fast.AvalEdifactWriter.write(new javax.xml.transform.stream.StreamSource(new StringReader(xml.get(i))), out,
                    io.aval.edifact.fast.AvalEdifactWriter.Options.stock());
            return out;
        }, i -> corpus.interchanges.get(i).length);
        r.writeAvalDirectPerSecond = avalWriteDirect.interchanges * perInterchange / avalWriteDirect.seconds;
        Smooks avalWrite = EdifactXml.newSmooks(Implementation.AVAL, o.directory, "write");
        Smooks stockWrite = EdifactXml.newSmooks(Implementation.STOCK, o.directory, "write");
        Rate avalW = time(o.warmUpSeconds, o.avalSeconds, corpus.interchanges, i -> write(avalWrite, xml.get(i)),
                i -> corpus.interchanges.get(i).length);
        Rate stockW = time(o.stockWarmUpSeconds, o.stockSeconds, corpus.interchanges, i -> write(stockWrite, xml.get(i)),
                i -> corpus.interchanges.get(i).length);
        r.writeAvalPerSecond = avalW.interchanges * perInterchange / avalW.seconds;
        r.writeStockPerSecond = stockW.interchanges * perInterchange / stockW.seconds;
        r.writeAvalMBps = avalW.bytes / 1e6 / avalW.seconds;
        r.writeStockMBps = stockW.bytes / 1e6 / stockW.seconds;
        return r;
    }

    private static final class Rate {
        long interchanges;
        long bytes;
        double seconds;
    }

    private interface Step {
        Object run(int index);
    }

    private interface Size {
        int of(int index);
    }

    /** warm-up, then whole passes over the corpus (or as far as the time bound allows) */
    private static Rate time(double warmUpSeconds, double seconds, List<byte[]> corpus, Step step, Size size) {
        long end = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        int i = 0;
        while (System.nanoTime() < end) {
            step.run(i++ % corpus.size());
        }
        Rate rate = new Rate();
        long start = System.nanoTime();
        end = start + (long) (seconds * 1e9);
        i = 0;
        do {
            int k = i++ % corpus.size();
            step.run(k);
            rate.interchanges++;
            rate.bytes += size.of(k);
        } while (System.nanoTime() < end);
        rate.seconds = seconds(System.nanoTime() - start);
        return rate;
    }

    private static String parse(Smooks smooks, byte[] interchange) {
        StringSink sink = new StringSink();
        smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(interchange)), sink);
        return sink.getResult();
    }

    private static int write(Smooks smooks, String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length() / 3);
        smooks.filterSource(new ReaderSource<>(new StringReader(xml)), new StreamSink<>(out));
        return out.size();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    public static void main(String[] args) {
        BenchOptions o = new BenchOptions();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json":
                    json = true;
                    break;
                case "--orders":
                    o.orders = Integer.parseInt(args[++i]);
                    break;
                case "--stock-seconds":
                    o.stockSeconds = Double.parseDouble(args[++i]);
                    break;
                case "--aval-seconds":
                    o.avalSeconds = Double.parseDouble(args[++i]);
                    break;
                case "--per-interchange":
                    o.messagesPerInterchange = Integer.parseInt(args[++i]);
                    break;
                case "--d01b":
                    o.directory = Directory.D01B;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // without a logback config everything logs at DEBUG, which slows the stock side by an order of magnitude
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger) {
            ((ch.qos.logback.classic.Logger) root).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        // Daffodil prints its schema compilation diagnostics on stdout: keep stdout for the result only
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        Result r;
        try {
            r = new EdifactBenchmark().run(o);
        } finally {
            System.setOut(stdout);
        }
        stdout.println(json ? r.toJson() : r.toTable() + r.toJson());
        System.exit(0);
    }
}
