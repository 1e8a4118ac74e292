package io.aval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./aval run --check}: everything starts, the command returns, and it let go of what it held. */
class RunCheckIT {

    @Test
    void startsEverythingThenStopsAndReleasesTheDataFolder(@TempDir Path tmp) throws Exception {
        Path config = QuarantineCli.copyConfig(Path.of("config"), tmp.resolve("config"),
                "aval.http.port = 0\naval.feedback.http.port = 0\naval.as2.port = 0");
        QuarantineCli cli = new QuarantineCli(config, tmp.resolve("data"));

        QuarantineCli.Run first = cli.aval("run", "--check");
        assertEquals(0, first.exit(), first.err());
        assertTrue(Files.isDirectory(tmp.resolve("data/db")), "the check started the database in the data folder");

        // a second check on the same data folder only starts if the first released the database and broker locks
        QuarantineCli.Run second = cli.aval("run", "--check");
        assertEquals(0, second.exit(), second.err());
    }
}
