package io.aval.edifact;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints what outbound translation costs per document on this machine (mapping with Saxon, writing, both), after a
 * warm-up; asserts only a generous floor so that a slow CI box does not fail it. Numbers go to the report.
 */
class OutboundThroughputTest {

    static final Path INVOICE = Path.of("src/test/resources/ubl/invoic-out/invoice-FA-2026-10022.xml");

    @Test
    void reportsMappingAndWritingCostPerInvoice() throws Exception {
        byte[] ubl = Files.readAllBytes(INVOICE);
        EnvelopeProfile profile = OutboundGoldenTest.profile(EdifactDirectory.D96A);
        InterchangeWriter writer = new InterchangeWriter();
        Document message = OutboundGoldenTest.MAPPER.map(ubl, EdifactDirectory.D96A);
        for (int i = 0; i < 500; i++) {
            writer.write(profile, OutboundGoldenTest.MAPPER.map(ubl, EdifactDirectory.D96A));
        }

        int n = 1000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            OutboundGoldenTest.MAPPER.map(ubl, EdifactDirectory.D96A);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            writer.write(profile, message);
        }
        long t2 = System.nanoTime();
        List<Document> batch = Collections.nCopies(200, message);
        int batches = 20;
        for (int i = 0; i < batches; i++) {
            writer.write(profile, batch);
        }
        long t3 = System.nanoTime();

        double mapPerSec = n / ((t1 - t0) / 1e9);
        double writePerSec = n / ((t2 - t1) / 1e9);
        double batchPerSec = batches * 200 / ((t3 - t2) / 1e9);
        System.out.printf("outbound INVOIC: map %.0f docs/s (%.2f ms), write %.0f interchanges/s (%.3f ms), "
                        + "write 200-message interchanges %.0f messages/s, map+write %.0f docs/s%n",
                mapPerSec, 1000 / mapPerSec, writePerSec, 1000 / writePerSec, batchPerSec,
                1 / (1 / mapPerSec + 1 / writePerSec));
        assertThat(1 / (1 / mapPerSec + 1 / writePerSec)).as("documents per second end to end").isGreaterThan(25);
    }
}
