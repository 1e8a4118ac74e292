package io.aval.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.journal.MessageStatus;
import io.aval.testing.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large interchange through a gateway with a small heap, as {@code ./aval large-interchange} runs it:
 * the gateway in a child JVM with {@code -Xmx256m} (an OutOfMemoryError ends it at once) takes a 24 MB
 * interchange of 400-line ORDERS from its drop folder, and the ERP gets every message. The README's run,
 * {@code ./aval large-interchange --megabytes 200 --heap 512m}, takes about five minutes; this one is its
 * scaled-down copy for every build ({@code -Daval.large-interchange.megabytes} and {@code .heap} change it).
 */
class LargeInterchangeIT {

    @TempDir
    Path work;

    @Test
    void aLargeInterchangeIsDeliveredMessageByMessageWithinASmallHeap() throws Exception {
        int megabytes = Integer.getInteger("aval.large-interchange.megabytes", 24);
        String heap = System.getProperty("aval.large-interchange.heap", "256m");
        LargeInterchangeRun.Settings settings = new LargeInterchangeRun.Settings(TestGateway.HOME.resolve("config"),
                TestGateway.HOME.resolve("routes"), TestGateway.HOME.resolve("mappings"), work.resolve("large"), megabytes,
                400, heap, Duration.ofMinutes(10), Map.of());

        LargeInterchangeRun.Report report = new LargeInterchangeRun(settings, System.out).run();
        report.print(System.out);

        assertThat(report.bytes()).isGreaterThan(megabytes * 1_000_000L);
        assertThat(report.messages()).isGreaterThan(1000);
        assertThat(report.taken()).isEqualTo(report.messages());
        assertThat(report.interchangeStatus()).isEqualTo("ACCEPTED");
        assertThat(report.states()).isEqualTo(Map.of(MessageStatus.DELIVERED, (long) report.messages()));
        assertThat(report.complete()).isTrue();
    }
}
