package io.aval.edifact.fast;

import org.smooks.Smooks;
import org.smooks.io.sink.StreamSink;
import org.smooks.io.source.StreamSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/** Developer tool: runs the Aval writer through Smooks over a folder of XML and compares with StockOracleRunner's .stock.edi. */
public final class AvalWriteOracleRunner {
    public static void main(String[] args) throws Exception {
        Smooks smooks = new Smooks(args[0]);
        int same = 0, diff = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Paths.get(args[1]), "*.xml")) {
            for (Path p : ds) {
                String result;
                byte[] bytes = null;
                try {
                    ByteArrayOutputStream bo = new ByteArrayOutputStream();
                    smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(Files.readAllBytes(p))), new StreamSink<>(bo));
                    bytes = bo.toByteArray();
                    result = new String(bytes, "UTF-8");
                } catch (Exception e) {
                    Throwable c = e;
                    while (c.getCause() != null) c = c.getCause();
                    result = "ERROR " + c;
                }
                Path stockEdi = Paths.get(p + ".stock.edi");
                boolean ok;
                String stock;
                if (Files.exists(stockEdi)) {
                    byte[] s = Files.readAllBytes(stockEdi);
                    stock = new String(s, "UTF-8");
                    ok = bytes != null && Arrays.equals(s, bytes);
                } else {
                    stock = "ERROR (stock) " + Files.readString(Paths.get(p + ".stock.err")).split("\n")[0];
                    ok = result.startsWith("ERROR");
                }
                if (ok) same++; else diff++;
                System.out.println((ok ? "SAME " : "DIFF ") + p.getFileName() + (ok ? "" : AvalOracleRunner.diff(stock, result)));
            }
        }
        System.out.println("same=" + same + " diff=" + diff);
        System.exit(0);
    }
}
