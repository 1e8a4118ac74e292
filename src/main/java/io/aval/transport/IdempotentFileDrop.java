package io.aval.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Hands a file to a folder another system consumes (the ERP's drop) at most once per key, also
 * when the process is killed at any instant and the broker redelivers the work. A drop folder
 * cannot take part in a transaction, and its reader may take a file away at once, so "is the
 * file there?" cannot tell "never written" from "written and already taken". A marker can:
 * <ol>
 * <li>the marker {@code <markers>/<key>} is created, empty (create-new: it fails when an earlier
 * attempt made it);</li>
 * <li>the content goes to a hidden temporary file in the folder ({@code .writing-<key>}, which
 * readers skip);</li>
 * <li>the file name is written into the marker, in one write;</li>
 * <li>the temporary file is renamed to its name: this rename is the hand-off.</li>
 * </ol>
 * On a retry: no marker → nothing was started; an empty marker → the rename did not happen (the name
 * comes before it), start again from step 2; a marker with a name and the temporary file → the rename
 * did not happen, do it now (under the name the marker holds); a marker with a name and no temporary
 * file → the rename happened, the reader has (or had) the file, write nothing.
 * <p>Four file system calls that change something per hand-off (create, write the content, write the
 * name, rename), and no lookup before them. Safe against a killed process (the operating system keeps
 * what was written, and a write of a few bytes is not cut by a kill); a power cut would also need the
 * files and the folder synced, which this does not do.
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
     * An empty marker names nothing: that attempt stopped before its name was written, so before its hand-off.
     */
    public java.util.Optional<String> recordedName(String key) {
        Path marker = markers.resolve(safe(key));
        try {
            String name = Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).trim() : "";
            return name.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(name);
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
            FileChannel claim = claim(marker);
            if (claim == null) {
                String recorded = Files.readString(marker, StandardCharsets.UTF_8).trim();
                if (!recorded.isEmpty()) {
                    Path target = folder.resolve(recorded);
                    if (Files.exists(temp)) {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                        return new HandOff(target, false);
                    }
                    return new HandOff(target, true);
                }
                // stopped before the name was written, so before the rename: start again from the content
                claim = FileChannel.open(marker, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            }
            try (FileChannel name = claim) {
                writeCreatingFolder(temp, content);
                ByteBuffer bytes = ByteBuffer.wrap(fileName.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    name.write(bytes);
                }
            }
            Path target = folder.resolve(fileName);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return new HandOff(target, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hand " + fileName + " (" + key + ") to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Creates the marker, empty, and keeps it open for the name; null when an earlier attempt created it. */
    private static FileChannel claim(Path marker) throws IOException {
        try {
            return FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return null;
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(marker.getParent());
            try {
                return FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException again) {
                return null;
            }
        }
    }

    /**
     * Writes {@code file}, creating its folder only when it is missing: asking for the folder on every hand-off
     * cost a failing mkdir call, with an exception, per message.
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
