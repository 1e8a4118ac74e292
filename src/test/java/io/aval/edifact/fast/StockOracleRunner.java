package io.aval.edifact.fast;

import org.smooks.Smooks;
import org.smooks.io.sink.StreamSink;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.StreamSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Developer tool, not a test: runs the stock reader (or writer) over every file of a folder and stores
 * what it emits next to the input, so the Aval reader can be studied against the oracle.
 * Usage: {@code StockOracleRunner parse|write CONFIG DIR GLOB}.
 */
public final class StockOracleRunner {
    public static void main(String[] args) throws Exception {
        boolean parse = args[0].equals("parse");
        Smooks smooks = new Smooks(args[1]);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Paths.get(args[2]), args[3])) {
            for (Path p : ds) {
                String base = p.toString();
                try {
                    if (parse) {
                        StringSink r = new StringSink();
                        smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(Files.readAllBytes(p))), r);
                        Files.writeString(Paths.get(base + ".stock.xml"), r.getResult());
                    } else {
                        ByteArrayOutputStream bo = new ByteArrayOutputStream();
                        smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(Files.readAllBytes(p))), new StreamSink<>(bo));
                        Files.write(Paths.get(base + ".stock.edi"), bo.toByteArray());
                    }
                    System.err.println("OK " + p);
                } catch (Exception e) {
                    StringBuilder sb = new StringBuilder();
                    for (Throwable c = e; c != null; c = c.getCause()) sb.append(c).append('\n');
                    Files.writeString(Paths.get(base + ".stock.err"), sb.toString());
                    System.err.println("ERR " + p);
                }
            }
        }
        System.exit(0);
    }
}
