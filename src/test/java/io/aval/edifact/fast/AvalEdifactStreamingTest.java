package io.aval.edifact.fast;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A 200 MB interchange of many messages is read with a 512 MB heap: the reader streams, it never holds the interchange. */
class AvalEdifactStreamingTest {

    @Test
    void reads200MegabyteInterchangeWithHalfAGigabyteHeap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=src/test/resources/logback-test.xml",
                LargeInterchangeReading.class.getName(), String.valueOf(200L * 1024 * 1024))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until the child ends
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("callback (\\d{6,}) of \\1");
        assertThat(output).containsPattern("sax \\d{6,} messages");
    }
}
