package io.aval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./aval bench --json} on a tiny run: one JSON object on standard output, with the fields the
 * performance issue names for other tools (the figures themselves come from real runs, README "Benchmark").
 */
class BenchJsonIT {

    @Test
    void printsOneJsonObjectWithTheAgreedFields(@TempDir Path tmp) throws Exception {
        Path config = QuarantineCli.copyConfig(Path.of("config"), tmp.resolve("config"), "");
        QuarantineCli cli = new QuarantineCli(config, tmp.resolve("data"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        QuarantineCli.Run run;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run = cli.aval("bench", "--json", "--stock-seconds", "0.5", "--aval-seconds", "0.5",
                    "--import-interchanges", "2", "--import-per-interchange", "3", "--import-warm-up", "1",
                    // two partners, so the several-account path runs end to end too (the bench fails unless every message is delivered)
                    "--import-accounts", "2");
        } finally {
            System.setOut(stdout);
        }

        assertThat(run.exit()).as(run.err()).isZero();
        String out = captured.toString(StandardCharsets.UTF_8).trim();
        String last = out.substring(out.lastIndexOf('\n') + 1);
        JsonNode json = new ObjectMapper().readTree(last);
        for (String side : new String[] {"parse", "write"}) {
            assertThat(json.path(side).path("stockPerSecond").asDouble()).as(side).isPositive();
            assertThat(json.path(side).path("avalPerSecond").asDouble()).as(side).isPositive();
            assertThat(json.path(side).path("ratio").asDouble()).as(side)
                    .isCloseTo(json.path(side).path("avalPerSecond").asDouble() / json.path(side).path("stockPerSecond").asDouble(),
                            org.assertj.core.data.Percentage.withPercentage(1));
        }
        assertThat(json.path("readySeconds").path("stock").asDouble()).isPositive();
        assertThat(json.path("readySeconds").path("aval").asDouble()).isPositive();
        assertThat(json.path("importMessagesPerSecond").asDouble()).isPositive();
        assertThat(json.path("importMessages").asInt()).isEqualTo(6);
        assertThat(json.path("importAccounts").asInt()).isEqualTo(2);
        assertThat(json.path("messages").asInt()).isPositive();
        assertThat(json.path("bytes").asLong()).isPositive();
    }
}
