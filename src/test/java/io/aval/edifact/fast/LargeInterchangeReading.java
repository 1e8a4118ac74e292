package io.aval.edifact.fast;

import io.aval.edifact.fast.EdifactXml.Directory;
import org.smooks.Smooks;
import org.smooks.io.sink.StreamSink;
import org.smooks.io.source.StreamSource;

import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in its own JVM by {@link AvalEdifactStreamingTest} with a small heap: reads a large generated interchange
 * through the Aval Smooks config and through {@link EdifactXml#forEachMessage}, printing the message counts.
 */
public final class LargeInterchangeReading {
    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        LargeInterchangeStream forCallback = new LargeInterchangeStream(size);
        AtomicInteger count = new AtomicInteger();
        EdifactXml.forEachMessage(Directory.D96A, forCallback, m -> {
            if (!m.xml().contains("<D96A:ORDERS>")) {
                throw new IllegalStateException("not an ORDERS message: " + m.xml());
            }
            count.incrementAndGet();
        });
        System.out.println("callback " + count.get() + " of " + forCallback.messages());

        LargeInterchangeStream forSmooks = new LargeInterchangeStream(size);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Paths.get("mappings/edifact/d96a/parse-aval.smooks.xml"))) {
            Smooks smooks = new Smooks(in);
            CountingStream out = new CountingStream();
            smooks.filterSource(new StreamSource<>(forSmooks), new StreamSink<>(out));
            System.out.println("smooks " + forSmooks.messages() + " messages, " + out.bytes + " bytes of XML");
        }
        System.exit(0);
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

}
