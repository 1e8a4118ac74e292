package io.aval.testing;

import io.aval.config.AvalConfig;
import io.aval.gateway.Gateway;
import java.nio.file.Path;

/**
 * Starts the real gateway for a test on the project's own {@code config/}, {@code routes/} and
 * {@code mappings/}, with its data (H2 file, Artemis journal, drop folders) in a temp folder.
 */
public final class TestGateway {

    /** The project folder: surefire/failsafe run in it (and set AVAL_HOME to it). */
    public static final Path HOME = Path.of(System.getenv().getOrDefault("AVAL_HOME", ".")).toAbsolutePath().normalize();

    private TestGateway() {
    }

    public static AvalConfig config(Path data) {
        return AvalConfig.load(HOME.resolve("config"), data)
                .with("aval.routes", HOME.resolve("routes").toString())
                .with("aval.mappings", HOME.resolve("mappings").toString());
    }

    /**
     * The project's config with every partner read by {@code reader} ("stock" or "aval"): a copy
     * of {@code config/} under {@code data}, so the stock reader's path stays covered end to end.
     */
    public static AvalConfig configWithReader(Path data, String reader) {
        try {
            Path dir = java.nio.file.Files.createDirectories(data.resolve("config-" + reader));
            try (var files = java.nio.file.Files.list(HOME.resolve("config"))) {
                for (Path f : files.toList()) {
                    String text = java.nio.file.Files.readString(f);
                    if (f.getFileName().toString().equals("partners.yaml")) {
                        text = text.replaceAll("reader: \\w+", "reader: " + reader);
                    }
                    java.nio.file.Files.writeString(dir.resolve(f.getFileName()), text);
                }
            }
            return AvalConfig.load(dir, data)
                    .with("aval.routes", HOME.resolve("routes").toString())
                    .with("aval.mappings", HOME.resolve("mappings").toString())
                    .with("aval.edifact.reader", reader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static AvalConfig postgresConfig(Path data, String url) {
        return onPostgres(config(data), url);
    }

    /** {@code config} with its journal on the PostgreSQL database {@code url} (trust auth, as on CI). */
    public static AvalConfig onPostgres(AvalConfig config, String url) {
        return config.with("aval.db.url", url).with("aval.db.user", "postgres").with("aval.db.password", "");
    }

    public static Gateway start(AvalConfig config) {
        return Gateway.start(config);
    }

    public static Path samples() {
        return HOME.resolve("src/test/resources/samples");
    }
}
