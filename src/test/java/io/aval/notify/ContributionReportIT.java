package io.aval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.notify.FeedbackTokens.Answer;
import io.aval.signal.DownstreamFunction;
import io.aval.signal.Severity;
import io.aval.signal.Signal;
import io.aval.signal.SignalType;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contribution report against signals, notifications and answers written in the database. */
class ContributionReportIT {

    @TempDir
    static Path data;

    static NotifyFixture fixture;
    static ContributionReport.Report report;

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);

    @BeforeAll
    static void signalsAndAnswers() {
        fixture = new NotifyFixture(data);
        FeedbackStore answers = new FeedbackStore(fixture.db.entityManagerFactory());
        LocalDate d = LocalDate.of(2026, 2, 10);
        Signal large1 = fixture.signal("ACME", SignalType.LARGE_ORDER, Severity.MEDIUM, d, "large 1");
        Signal large2 = fixture.signal("ACME", SignalType.LARGE_ORDER, Severity.HIGH, d, "large 2");
        Signal product = fixture.signal("ACME", SignalType.NEW_PRODUCT, Severity.LOW, d, "product");
        fixture.signal("BRICO", SignalType.PRICE_MISMATCH, Severity.MEDIUM, d, "price");
        Signal site = fixture.signal("ACME", SignalType.NEW_DELIVERY_SITE, Severity.MEDIUM, d, "site");
        fixture.signal("NORD", SignalType.NEW_EXPORT_DESTINATION, Severity.MEDIUM, d, "export");
        Signal dispute = fixture.signal("ACME", SignalType.DISPUTE, Severity.HIGH, d, "dispute");
        Signal outside = fixture.signal("ACME", SignalType.LARGE_ORDER, Severity.MEDIUM, LocalDate.of(2025, 12, 31), "before");
        for (Signal s : List.of(large1, large2, product, site, dispute, outside)) {
            notified(s);
        }
        answers.record(new Answer(large1.id(), true));
        answers.record(new Answer(large2.id(), false));
        answers.record(new Answer(product.id(), true));
        answers.record(new Answer(site.id(), true));
        answers.record(new Answer(outside.id(), true));
        report = new ContributionReport(fixture.db.entityManagerFactory(), NotifyFixture.accounts()).compute(FROM, TO);
    }

    static void notified(Signal s) {
        EntityManager em = fixture.db.entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new SignalNotification(s.id(), s.accountId(), "rep@example.com", SignalNotification.Kind.DIGEST,
                    s.businessDate(), Instant.now()));
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void countsSignalsUsefulAnswersAndLeadsPerFunction() {
        Map<DownstreamFunction, ContributionReport.Totals> byFunction = report.byFunction();
        assertThat(byFunction.get(DownstreamFunction.ADV)).isEqualTo(new ContributionReport.Totals(4, 3, 2, 1, 2));
        assertThat(byFunction.get(DownstreamFunction.LOGISTICS)).isEqualTo(new ContributionReport.Totals(2, 1, 1, 0, 2));
        assertThat(byFunction.get(DownstreamFunction.SAV)).isEqualTo(new ContributionReport.Totals(1, 1, 0, 0, 0));
    }

    @Test
    void splitsPerAccountTeam() {
        var adv = report.byFunctionAndAccount().get(DownstreamFunction.ADV);
        assertThat(adv.keySet()).containsExactly("ACME", "BRICO");
        assertThat(adv.get("ACME")).isEqualTo(new ContributionReport.Totals(3, 3, 2, 1, 2));
        assertThat(adv.get("BRICO")).isEqualTo(new ContributionReport.Totals(1, 0, 0, 0, 0));
    }

    @Test
    void matchesTheDatabase() throws Exception {
        try (Connection c = fixture.db.dataSource().getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select count(*), count(f.id), sum(case when f.useful then 1 else 0 end) "
                    + "from account_signal s left join signal_feedback f on f.signal_id = s.id "
                    + "where s.business_date between date '2026-01-01' and date '2026-03-31'");
            rs.next();
            var all = ContributionReport.Totals.of(report.rows());
            assertThat(all.signals()).isEqualTo(rs.getLong(1));
            assertThat(all.useful() + all.notUseful()).isEqualTo(rs.getLong(2));
            assertThat(all.useful()).isEqualTo(rs.getLong(3));
        }
    }

    @Test
    void writesCsvOneRowPerFunctionAccountAndType() {
        List<String> lines = report.csv().lines().toList();
        assertThat(lines.get(0)).isEqualTo("from,to,function,account,account_name,rep,signal_type,signals,notified,useful,not_useful,leads");
        assertThat(lines).contains("2026-01-01,2026-03-31,ADV,ACME,Acme Distribution,Claire Martin,LARGE_ORDER,2,2,1,1,2",
                "2026-01-01,2026-03-31,LOGISTICS,NORD,Nord Industrie,John Smith,NEW_EXPORT_DESTINATION,1,0,0,0,1");
        assertThat(lines).hasSize(1 + 6);
    }

    @Test
    void writesHtmlWithAnEmbeddedBarChart() {
        String html = report.html();
        assertThat(html).contains("<img alt=\"Signals, useful and leads per function\" src=\"data:image/png;base64,iVBORw0KGgo")
                .contains("Acme Distribution (ACME)").contains("LARGE_ORDER 2, NEW_PRODUCT 1");
    }
}
