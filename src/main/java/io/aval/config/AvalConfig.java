package io.aval.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's settings: {@code CONFIG/application.properties}, then environment variables
 * ({@code AVAL_DB_URL} overrides {@code aval.db.url}), then system properties, then the command
 * line's {@code --data}. The same resolved set is handed to Camel so routes read {@code {{aval.data}}}.
 */
public final class AvalConfig {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private final Path configDir;
    private final Path dataDir;
    private final Properties properties;

    private AvalConfig(Path configDir, Path dataDir, Properties properties) {
        this.configDir = configDir;
        this.dataDir = dataDir;
        this.properties = properties;
    }

    /** Loads {@code configDir/application.properties}; {@code dataDir} may be null to keep the file's value. */
    public static AvalConfig load(Path configDir, Path dataDir) {
        Path file = configDir.resolve("application.properties");
        Properties raw = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                raw.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        for (String name : raw.stringPropertyNames()) {
            String env = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            if (env != null) {
                raw.setProperty(name, env);
            }
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("aval.")) {
                raw.setProperty(name, System.getProperty(name));
            }
        }
        Path data = dataDir != null ? dataDir : Path.of(raw.getProperty("aval.data", "data"));
        data = data.toAbsolutePath().normalize();
        raw.setProperty("aval.data", data.toString());
        raw.setProperty("aval.config", configDir.toAbsolutePath().normalize().toString());
        raw.putIfAbsent("aval.home", Path.of("").toAbsolutePath().toString());
        raw.putIfAbsent("aval.routes", Path.of(raw.getProperty("aval.home"), "routes").toString());
        raw.putIfAbsent("aval.mappings", Path.of(raw.getProperty("aval.home"), "mappings").toString());
        Properties resolved = new Properties();
        for (String name : raw.stringPropertyNames()) {
            resolved.setProperty(name, resolve(raw, raw.getProperty(name), 0));
        }
        return new AvalConfig(configDir.toAbsolutePath().normalize(), data, resolved);
    }

    private static String resolve(Properties raw, String value, int depth) {
        if (value == null || depth > 10) {
            return value;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = raw.getProperty(m.group(1), m.group(0));
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(raw, replacement, depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public Path configDir() {
        return configDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path routesDir() {
        return Path.of(get("aval.routes"));
    }

    public Path mappingsDir() {
        return Path.of(get("aval.mappings"));
    }

    public String get(String name) {
        String v = properties.getProperty(name);
        if (v == null) {
            throw new IllegalStateException("Missing setting " + name + " in " + configDir.resolve("application.properties"));
        }
        return v.trim();
    }

    public String get(String name, String fallback) {
        String v = properties.getProperty(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    public int getInt(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    public long getLong(String name, long fallback) {
        return Long.parseLong(get(name, Long.toString(fallback)));
    }

    public double getDouble(String name, double fallback) {
        return Double.parseDouble(get(name, Double.toString(fallback)));
    }

    /** A copy of every resolved setting, for Camel's property placeholders. */
    public Properties asProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /**
     * Copies a configuration folder ({@code application.properties}, {@code partners.yaml}, the files it
     * names…) with its sub-folders to {@code to}, for a run that changes some of it (tests, the benchmark).
     */
    public static Path copyFolder(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path copy = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(f, copy);
                }
            }
        }
        return to;
    }

    /** A copy of this configuration with one setting changed (tests, CLI options). */
    public AvalConfig with(String name, String value) {
        Properties copy = asProperties();
        copy.setProperty(name, value);
        return new AvalConfig(configDir, dataDir, copy);
    }
}
