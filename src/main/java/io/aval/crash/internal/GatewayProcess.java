package io.aval.crash.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code aval run} in a child JVM (same java, same class path), so that it can be killed for
 * real: {@link Process#destroyForcibly()} is SIGKILL on Linux, and the exit code the JVM reports
 * for it (128 + 9 = 137) is checked rather than assumed.
 */
public final class GatewayProcess {

    /** Exit code of a process ended by SIGKILL. */
    public static final int SIGKILL_EXIT = 137;
    private static final String READY = "Aval is running";

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private Process process;
    private long logOffset;

    public GatewayProcess(Path configDir, Path dataDir, Map<String, String> systemProperties, Map<String, String> environment,
                          Path workDir) {
        this(configDir, dataDir, systemProperties, environment, workDir, "512m");
    }

    /**
     * With a heap of {@code maxHeap} ({@code -Xmx}); running out of it ends the child at once
     * ({@code -XX:+ExitOnOutOfMemoryError}) rather than leaving it half-working.
     */
    public GatewayProcess(Path configDir, Path dataDir, Map<String, String> systemProperties, Map<String, String> environment,
                          Path workDir, String maxHeap) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add("-Xmx" + maxHeap);
        c.add("-XX:+ExitOnOutOfMemoryError");
        c.add("-XX:+UseSerialGC");
        systemProperties.forEach((k, v) -> c.add("-D" + k + "=" + v));
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.addAll(List.of("io.aval.cli.AvalCommand", "run", "--config", configDir.toString(), "--data", dataDir.toString()));
        this.command = List.copyOf(c);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.log = workDir.resolve("gateway.log");
    }

    /** Starts the child and waits until it says it is running; its output goes to {@code gateway.log}. */
    public Duration start(Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        logOffset = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(environment);
        process = pb.start();
        long deadline = started + timeout.toNanos();
        while (!logSinceStart().contains(READY)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + " before it was ready; "
                        + "end of " + log + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the gateway was not ready after " + timeout + "; end of " + log + ":\n" + tail());
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL; returns the exit code the child ended with (137 for SIGKILL). */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM, the clean stop of {@code ./aval run} (its shutdown hook closes the gateway); SIGKILL after {@code grace}. */
    public int stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    /** The end of what the child wrote since it was last started. */
    public String logTail() {
        return tail();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    private String logSinceStart() throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(logOffset, Files.size(log)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String tail() {
        try {
            String text = logSinceStart();
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
