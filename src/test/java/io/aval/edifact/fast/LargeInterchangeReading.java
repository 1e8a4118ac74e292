package io.aval.edifact.fast;

import io.aval.edifact.fast.EdifactXml.Directory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in its own JVM by {@link AvalEdifactStreamingTest} with a small heap: reads a large generated interchange
 * through {@link EdifactXml#forEachMessage} and as plain SAX events (what the Smooks reader hands Smooks), printing counts.
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

        LargeInterchangeStream forSax = new LargeInterchangeStream(size);
        long[] elements = {0};
        AvalEdifactReader.newParser(Directory.D96A.schemaUri(), "ORDERS", null, null).parse(forSax, new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes) {
                elements[0]++;
            }
        });
        System.out.println("sax " + forSax.messages() + " messages, " + elements[0] + " elements");
        System.exit(0);
    }
}
