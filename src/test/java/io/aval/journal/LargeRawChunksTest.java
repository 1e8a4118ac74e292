package io.aval.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 64 MiB interchange streamed into the journal and back with a 96 MB heap, in a JVM of its own
 * ({@link LargeRawStoring}): the bytes are made up as they are read, so only a journal that writes
 * and reads chunk by chunk fits (one that read the stream whole would need twice its size).
 */
class LargeRawChunksTest {

    private static final long SIZE = 64L << 20;

    @TempDir
    Path data;

    @Test
    void storesAndReadsBackA64MebibyteStreamWithA96MegabyteHeap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=src/test/resources/logback-test.xml",
                LargeRawStoring.class.getName(), data.toString(), String.valueOf(SIZE))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until the child ends
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("finished").isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("stored " + SIZE + " bytes in 64 chunks, sha256 " + sha256OfGenerated(),
                "read back " + SIZE + " equal bytes");
    }

    private static String sha256OfGenerated() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream in = new DigestInputStream(new GeneratedBytes(SIZE), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
