package io.aval.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.crash.internal.GatewayProcess;
import io.aval.testing.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test, small: 40 interchanges through the file drop and the partner REST endpoint of
 * a gateway in a child JVM killed with SIGKILL five times at seeded random moments. Large runs:
 * {@code ./aval crash-test --interchanges 500 --kills 8}.
 */
class CrashTestIT {

    @TempDir
    Path work;

    @Test
    void everyAcceptedOrderIsDeliveredExactlyOnceOrQuarantinedAcrossFiveKills() throws Exception {
        CrashTest.Settings settings = new CrashTest.Settings(TestGateway.HOME.resolve("config"), TestGateway.HOME.resolve("routes"),
                TestGateway.HOME.resolve("mappings"), work.resolve("crash"), 40, 5, 20261126L, true, Duration.ofMinutes(5));

        CrashReport report = new CrashTest(settings, System.out).run();
        report.print(System.out);

        assertThat(report.killExitCodes()).hasSize(5).containsOnly(GatewayProcess.SIGKILL_EXIT);
        assertThat(report.viaHttp()).isPositive();
        assertThat(report.problems()).isEmpty();
        assertThat(report.duplicates()).isZero();
        assertThat(report.missing()).isZero();
        assertThat(report.deliveredOnce() + report.quarantined()).isEqualTo(report.accepted());
        assertThat(report.quarantined()).isEqualTo(report.quarantineExpected()).isPositive();
        assertThat(report.exactlyOnce()).isTrue();
    }
}
