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
        return folder(typeFolder(messageType)).mapping();
    }

    /**
     * The mapping for {@code messageType} in {@code directory} (e.g. D01B): {@code <type>-in/<directory>/to-ubl-*.xsl}
     * when the directory numbers its segment groups differently, else the type's own mapping.
     */
    public Optional<Mapping> inbound(String messageType, String directory) {
        Path typeFolder = typeFolder(messageType);
        Listed type = folder(typeFolder);
        if (directory != null && !directory.isBlank()) {
            String own = directory.toLowerCase(Locale.ROOT);
            // only a folder the type's listing holds is looked at: asking for a missing one (D96A, which has none)
            // failed with an exception on every message
            if (type.folders().contains(own)) {
                Optional<Mapping> mapping = folder(typeFolder.resolve(own)).mapping();
                if (mapping.isPresent()) {
                    return mapping;
                }
            }
        }
        return type.mapping();
    }

    private Path typeFolder(String messageType) {
        return mappingsDir.resolve("edifact").resolve(messageType.toLowerCase(Locale.ROOT) + "-in");
    }

    /** A folder as last listed (its mapping and its sub-folders), and the folder's modification time then. */
    private record Listed(java.nio.file.attribute.FileTime modified, Optional<Mapping> mapping, java.util.Set<String> folders) {
        static final Listed NONE = new Listed(null, Optional.empty(), java.util.Set.of());
    }

    private final java.util.concurrent.ConcurrentMap<Path, Listed> listed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The folder as listed, listed again only when it changed (a file or folder added, removed or renamed changes its
     * modification time): listing it for every message was a directory read per message. A folder changed in the
     * last two seconds is always listed, for file systems whose times are that coarse.
     */
    private Listed folder(Path dir) {
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            return Listed.NONE; // no such folder
        }
        if (!attributes.isDirectory()) {
            return Listed.NONE;
        }
        java.nio.file.attribute.FileTime modified = attributes.lastModifiedTime();
        Listed known = listed.get(dir);
        if (known != null && known.modified().equals(modified)) {
            return known;
        }
        Listed now = list(dir, modified);
        if (modified.toMillis() < System.currentTimeMillis() - 2000) {
            listed.put(dir, now);
        }
        return now;
    }

    private static Listed list(Path dir, java.nio.file.attribute.FileTime modified) {
        try (Stream<Path> entries = Files.list(dir)) {
            java.util.Set<String> folders = new java.util.HashSet<>();
            java.util.List<Path> mappings = new java.util.ArrayList<>();
            for (Path f : entries.toList()) {
                String name = f.getFileName().toString();
                if (Files.isDirectory(f)) {
                    folders.add(name.toLowerCase(Locale.ROOT));
                } else if (name.matches("to-ubl-[a-z-]+\\.xsl")) {
                    mappings.add(f);
                }
            }
            Optional<Mapping> mapping = mappings.stream().sorted().findFirst()
                    .map(f -> new Mapping(f.toAbsolutePath(), documentType(f.getFileName().toString())));
            return new Listed(modified, mapping, java.util.Set.copyOf(folders));
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
