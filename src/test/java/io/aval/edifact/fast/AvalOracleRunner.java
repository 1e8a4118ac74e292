package io.aval.edifact.fast;

import org.smooks.Smooks;
import org.smooks.io.sink.StringSink;
import org.smooks.io.source.StreamSource;

import java.io.ByteArrayInputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Developer tool: runs the Aval reader through Smooks over a folder and compares with what StockOracleRunner stored. */
public final class AvalOracleRunner {
    public static void main(String[] args) throws Exception {
        Smooks smooks = new Smooks(args[0]);
        int same = 0, diff = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Paths.get(args[1]), "*.edi")) {
            for (Path p : ds) {
                String base = p.toString();
                String result;
                try {
                    StringSink r = new StringSink();
                    smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(Files.readAllBytes(p))), r);
                    result = r.getResult();
                } catch (Exception e) {
                    Throwable c = e;
                    while (c.getCause() != null && !(c instanceof EdifactReadException)) c = c.getCause();
                    result = "ERROR " + c;
                }
                Path stockXml = Paths.get(base + ".stock.xml");
                String stock = Files.exists(stockXml) ? Files.readString(stockXml) : "ERROR (stock) " + Files.readString(Paths.get(base + ".stock.err")).split("\n")[1];
                boolean ok = stock.equals(result) || (stock.startsWith("ERROR") && result.startsWith("ERROR"))
                        || (stock.contains("BadMessage>") && result.startsWith("ERROR"));
                if (ok) same++; else diff++;
                System.out.println((ok ? "SAME " : "DIFF ") + p.getFileName() + (ok ? (result.startsWith("ERROR") ? "  " + result.substring(0, Math.min(200, result.length())) : "") : diff(stock, result)));
            }
        }
        System.out.println("same=" + same + " diff=" + diff);
        System.exit(0);
    }

    static String diff(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        int from = Math.max(0, i - 150);
        return "\n  stock: ..." + a.substring(from, Math.min(a.length(), i + 150)) + "\n  aval:  ..." + b.substring(from, Math.min(b.length(), i + 150));
    }
}
