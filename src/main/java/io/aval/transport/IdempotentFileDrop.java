package io.aval.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Hands a file to a folder another system consumes (the ERP's drop) at most once per key, also
 * when the process is killed at any instant and the broker redelivers the work. A drop folder
 * cannot take part in a transaction, and its reader may take a file away at once, so "is the
 * file there?" cannot tell "never written" from "written and already taken". A marker can:
 * <ol>
 * <li>the content goes to a hidden temporary file in the folder ({@code .writing-<key>}, which
 * readers skip);</li>
 * <li>a marker {@code <markers>/<key>} holding the file name is created (atomically);</li>
 * <li>the temporary file is renamed to its name: this rename is the hand-off.</li>
 * </ol>
 * On a retry: no marker → nothing was handed over, start again; marker and temporary file → the
 * rename did not happen, do it now (under the name the marker holds); marker without temporary
 * file → the rename happened, the reader has (or had) the file, write nothing.
 * <p>Safe against a killed process (the operating system keeps what was written); a power cut
 * would also need the folder synced, which this does not do.
 */
public final class IdempotentFileDrop {

    private static final String TEMP_PREFIX = ".writing-";

    /** Where the file is, and whether an earlier attempt had already handed it over. */
    public record HandOff(Path file, boolean earlier) {
    }

    private final Path markers;

    public IdempotentFileDrop(Path markers) {
        this.markers = markers;
    }

    /**
     * The file name a hand-off for {@code key} was started (or completed) under, if any: a retry
     * must use it rather than make a new one (an outbound file's name carries its control reference).
     */
    public java.util.Optional<String> recordedName(String key) {
        Path marker = markers.resolve(safe(key));
        try {
            return Files.exists(marker)
                    ? java.util.Optional.of(Files.readString(marker, StandardCharsets.UTF_8).trim())
                    : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the hand-off marker " + marker + ": " + e.getMessage(), e);
        }
    }

    /** Hands {@code content} to {@code folder} as {@code fileName}, unless the hand-off for {@code key} happened already. */
    public HandOff deliver(Path folder, String key, String fileName, byte[] content) {
        String safeKey = safe(key);
        Path marker = markers.resolve(safeKey);
        Path temp = folder.resolve(TEMP_PREFIX + safeKey);
        try {
            if (Files.exists(marker)) {
                Path target = folder.resolve(Files.readString(marker, StandardCharsets.UTF_8).trim());
                if (Files.exists(temp)) {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    return new HandOff(target, false);
                }
                return new HandOff(target, true);
            }
            writeCreatingFolder(temp, content);
            Path markerTemp = markers.resolve(TEMP_PREFIX + safeKey);
            writeCreatingFolder(markerTemp, fileName.getBytes(StandardCharsets.UTF_8));
            Files.move(markerTemp, marker, StandardCopyOption.ATOMIC_MOVE);
            Path target = folder.resolve(fileName);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return new HandOff(target, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hand " + fileName + " (" + key + ") to " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code file}, creating its folder only when it is missing: asking for the folders on every hand-off
     * cost two failing mkdir calls, each with an exception, per message.
     */
    private static void writeCreatingFolder(Path file, byte[] content) throws IOException {
        try {
            Files.write(file, content);
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
    }

    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^A-Za-z0-9._-]");

    private static String safe(String key) {
        return UNSAFE.matcher(key).replaceAll("_");
    }
}
