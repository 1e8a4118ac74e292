package io.aval.edifact.fast;

import org.junit.jupiter.api.Test;
import org.smooks.Smooks;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.StreamSource;

import java.io.*;
import java.nio.file.*;

class StockExploreTest {
    @Test
    void printStockOutput() throws Exception {
        long t0 = System.nanoTime();
        Smooks smooks = new Smooks("mappings/edifact/d96a/parse-stock.smooks.xml");
        Smooks w = new Smooks("mappings/edifact/d96a/write-stock.smooks.xml");
        String dir = System.getProperty("explore.dir", "/work/shared/samples");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Paths.get(dir), "*.edi")) {
            for (Path p : ds) {
                System.out.println("=== " + p);
                try {
                    StringSink r = new StringSink();
                    smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(Files.readAllBytes(p))), r);
                    Files.writeString(Paths.get("/tmp/wtfast-explore/"+p.getFileName()+".xml"), r.getResult());
                    System.out.println("took " + (System.nanoTime() - t0) / 1e9);
                    ByteArrayOutputStream bo = new ByteArrayOutputStream();
                    w.filterSource(new org.smooks.io.source.StringSource(r.getResult()), new org.smooks.io.sink.StreamSink<>(bo));
                    Files.write(Paths.get("/tmp/wtfast-explore/"+p.getFileName()+".out"), bo.toByteArray());
                } catch (Exception e) {
                    Files.writeString(Paths.get("/tmp/wtfast-explore/"+p.getFileName()+".err"), e.toString()+"\n"+(e.getCause()!=null?e.getCause().toString():""));System.out.println("ERROR " + e);
                    Throwable c = e; while (c.getCause() != null) { c = c.getCause(); System.out.println(" cause " + c); }
                }
            }
        }
    }
}
