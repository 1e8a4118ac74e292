package io.aval.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the mapping for a message type by convention, so that adding a mapping is adding a
 * file: {@code mappings/edifact/<type>-in/to-ubl-<document>.xsl} maps inbound EDIFACT
 * {@code <type>} messages to the UBL 2.1 document {@code <Document>}; a directory whose segment groups
 * are numbered differently has its own under {@code <type>-in/<directory>/}.
 */
public final class MappingCatalog {

    /** An XSLT mapping and the UBL document type it produces. */
    public record Mapping(Path stylesheet, String documentType) {
    }

    private final Path mappingsDir;

    public MappingCatalog(Path mappingsDir) {
        this.mappingsDir = mappingsDir;
    }

    public Optional<Mapping> inbound(String messageType) {
        return find(mappingsDir.resolve("edifact").resolve(messageType.toLowerCase(Locale.ROOT) + "-in"));
    }

    /**
     * The mapping for {@code messageType} in {@code directory} (e.g. D01B): {@code <type>-in/<directory>/to-ubl-*.xsl}
     * when the directory numbers its segment groups differently, else the type's own mapping.
     */
    public Optional<Mapping> inbound(String messageType, String directory) {
        if (directory != null && !directory.isBlank()) {
            Optional<Mapping> own = find(mappingsDir.resolve("edifact").resolve(messageType.toLowerCase(Locale.ROOT) + "-in")
                    .resolve(directory.toLowerCase(Locale.ROOT)));
            if (own.isPresent()) {
                return own;
            }
        }
        return inbound(messageType);
    }

    /** A folder's mapping as last listed, and the folder's modification time then. */
    private record Listed(java.nio.file.attribute.FileTime modified, Optional<Mapping> mapping) {
    }

    private final java.util.concurrent.ConcurrentMap<Path, Listed> listed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The folder's mapping, listed again only when the folder changed (a file added, removed or renamed changes its
     * modification time): listing it for every message was a directory read per message. A folder changed in the
     * last two seconds is always listed, for file systems whose times are that coarse.
     */
    private Optional<Mapping> find(Path dir) {
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty(); // no such folder
        }
        if (!attributes.isDirectory()) {
            return Optional.empty();
        }
        java.nio.file.attribute.FileTime modified = attributes.lastModifiedTime();
        Listed known = listed.get(dir);
        if (known != null && known.modified().equals(modified)) {
            return known.mapping();
        }
        Optional<Mapping> mapping = list(dir);
        if (modified.toMillis() < System.currentTimeMillis() - 2000) {
            listed.put(dir, new Listed(modified, mapping));
        }
        return mapping;
    }

    private static Optional<Mapping> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("to-ubl-[a-z-]+\\.xsl"))
                    .sorted()
                    .findFirst()
                    .map(f -> new Mapping(f.toAbsolutePath(), documentType(f.getFileName().toString())));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list mappings in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** "to-ubl-order-response.xsl" → "OrderResponse" */
    static String documentType(String fileName) {
        String stem = fileName.substring("to-ubl-".length(), fileName.length() - ".xsl".length());
        StringBuilder s = new StringBuilder();
        for (String part : stem.split("-")) {
            s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return s.toString();
    }
}
