package io.aval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.cli.ReportCommand;
import io.aval.signal.Severity;
import io.aval.signal.SignalType;
import io.aval.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code aval report contributions} on the project's config and a database holding signals. */
class ReportCommandIT {

    @Test
    void writesTheContributionReportAsCsvForAPeriod(@TempDir Path data) throws Exception {
        try (NotifyFixture fixture = new NotifyFixture(data)) {
            fixture.signal("ACME", SignalType.LARGE_ORDER, Severity.MEDIUM, LocalDate.of(2026, 2, 1), "in");
            fixture.signal("ACME", SignalType.LARGE_ORDER, Severity.MEDIUM, LocalDate.of(2026, 4, 1), "out");
            Path csv = data.resolve("report.csv");
            System.setProperty("aval.db.url", fixture.config.get("aval.db.url"));
            int exit;
            try {
                exit = new CommandLine(new ReportCommand()).execute("contributions", "--config", TestGateway.HOME.resolve("config").toString(),
                        "--data", data.toString(), "--from", "2026-01-01", "--to", "2026-03-31", "--format", "csv", "-o", csv.toString());
            } finally {
                System.clearProperty("aval.db.url");
            }
            assertThat(exit).isZero();
            assertThat(Files.readAllLines(csv)).containsExactly(
                    "from,to,function,account,account_name,rep,signal_type,signals,notified,useful,not_useful,leads",
                    "2026-01-01,2026-03-31,ADV,ACME,Acme Distribution,Claire Martin,LARGE_ORDER,1,0,0,0,1");
        }
    }
}
