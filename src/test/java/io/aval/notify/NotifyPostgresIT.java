package io.aval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.notify.FeedbackTokens.Answer;
import io.aval.signal.DownstreamFunction;
import io.aval.signal.Severity;
import io.aval.signal.Signal;
import io.aval.signal.SignalType;
import io.aval.testing.Databases;
import io.aval.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notify capability on PostgreSQL: its V30 migration, the pending-signal and report queries. */
class NotifyPostgresIT {

    @Test
    void sendsOnceRecordsAnswersAndReportsOnPostgres(@TempDir Path data) throws Exception {
        String url = Databases.freshPostgres();
        try (NotifyFixture fixture = new NotifyFixture(data, TestGateway.postgresConfig(data, url))) {
            fixture.order("ACME", LocalDate.of(2026, 1, 15), 300);
            Signal large = fixture.signal("ACME", SignalType.LARGE_ORDER, Severity.HIGH, LocalDate.of(2026, 2, 3), "large");
            fixture.signal("ACME", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 2, 3), "product");
            RepNotifier notifier = RepNotifier.create(fixture.config.with("aval.mail.smtp.host", ""), fixture.db.entityManagerFactory());

            assertThat(notifier.sendDigests(LocalDate.of(2026, 2, 3))).isEqualTo(2);
            assertThat(notifier.sendDigests(LocalDate.of(2026, 2, 3))).isZero();
            try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".eml"))).hasSize(2);
            }

            FeedbackStore answers = new FeedbackStore(fixture.db.entityManagerFactory());
            assertThat(answers.record(new Answer(large.id(), true))).isEqualTo(FeedbackStore.Outcome.RECORDED);
            assertThat(answers.record(new Answer(large.id(), true))).isEqualTo(FeedbackStore.Outcome.UNCHANGED);

            var report = new ContributionReport(fixture.db.entityManagerFactory(), NotifyFixture.accounts())
                    .compute(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
            assertThat(report.byFunction().get(DownstreamFunction.ADV)).isEqualTo(new ContributionReport.Totals(2, 2, 1, 0, 1));
        } finally {
            Databases.dropPostgres(url);
        }
    }
}
