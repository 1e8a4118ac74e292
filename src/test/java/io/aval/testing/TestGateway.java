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

    public static AvalConfig postgresConfig(Path data, String url) {
        return config(data).with("aval.db.url", url).with("aval.db.user", "postgres").with("aval.db.password", "");
    }

    public static Gateway start(AvalConfig config) {
        return Gateway.start(config);
    }

    public static Path samples() {
        return HOME.resolve("src/test/resources/samples");
    }
}
