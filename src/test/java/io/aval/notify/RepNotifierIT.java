package io.aval.notify;

import static io.aval.notify.NotifyFixture.CLAIRE;
import static io.aval.notify.NotifyFixture.JOHN;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.aval.signal.Severity;
import io.aval.signal.SignalType;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Alerts and digests through a real SMTP server (GreenMail) in the test JVM. */
class RepNotifierIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    static Path data;

    static NotifyFixture fixture;

    @BeforeAll
    static void openDatabase() {
        fixture = new NotifyFixture(data);
    }

    @AfterAll
    static void closeDatabase() {
        fixture.close();
    }

    @BeforeEach
    void emptyTables() {
        fixture.clear();
    }

    private RepNotifier notifier(int maxPerAccount) {
        var config = fixture.config.with("aval.mail.smtp.host", "127.0.0.1")
                .with("aval.mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        return new RepNotifier(fixture.db.entityManagerFactory(), NotifyFixture.accounts(), MailDelivery.from(config),
                FeedbackTokens.from(config), "Aval <aval@fournisseur.example>", "http://127.0.0.1:8080", maxPerAccount);
    }

    /** One entry per email sent (GreenMail keeps one copy per recipient). */
    private static List<MailParts> emails() throws Exception {
        Map<String, MailParts> byId = new LinkedHashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            byId.putIfAbsent(m.getMessageID(), MailParts.of(m));
        }
        return new ArrayList<>(byId.values());
    }

    @Test
    void sendsHighSignalAtOnceToTheRepWithTheCreditedFunctionInCopy() throws Exception {
        fixture.signal("ACME", SignalType.DISPUTE, Severity.HIGH, LocalDate.of(2026, 3, 2), "Third credit note in 90 days");
        fixture.signal("ACME", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, 2), "First order of P9");

        assertThat(notifier(10).sendAlerts()).isEqualTo(1);

        List<MailParts> mails = emails();
        assertThat(mails).hasSize(1);
        MailParts alert = mails.get(0);
        assertThat(alert.to()).containsExactly(CLAIRE);
        assertThat(alert.cc()).containsExactly("sav.acme@fournisseur.example");
        assertThat(alert.subject()).startsWith("[Aval] Alerte Acme Distribution").contains("Litige");
        assertThat(alert.text()).contains("Third credit note in 90 days").contains("PO-20260302").contains("Utile")
                .doesNotContain("First order of P9");
        assertThat(alert.html()).contains("Third credit note in 90 days").contains("/feedback?t=");
        assertThat(smtp.getReceivedMessages()).hasSize(2); // rep and SAV contact
    }

    @Test
    void digestGroupsByAccountMostImportantFirstAndCopiesTheFunctionsCredited() throws Exception {
        fixture.signal("ACME", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, 1), "acme-low");
        fixture.signal("BRICO", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, 1), "brico-low");
        fixture.signal("BRICO", SignalType.NEW_DELIVERY_SITE, Severity.MEDIUM, LocalDate.of(2026, 2, 20), "brico-medium-older");
        fixture.signal("BRICO", SignalType.NEW_EXPORT_DESTINATION, Severity.MEDIUM, LocalDate.of(2026, 3, 1), "brico-medium-newer");
        fixture.signal("ACME", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, 5), "acme-after-the-day");

        assertThat(notifier(10).sendDigests(LocalDate.of(2026, 3, 2))).isEqualTo(1);

        List<MailParts> mails = emails();
        assertThat(mails).hasSize(1);
        MailParts digest = mails.get(0);
        assertThat(digest.to()).containsExactly(CLAIRE);
        assertThat(digest.cc()).containsExactlyInAnyOrder("logistique.brico@fournisseur.example",
                "adv.brico@fournisseur.example", "adv.acme@fournisseur.example");
        assertThat(digest.subject()).isEqualTo("[Aval] Synthèse du 2026-03-02 : 4 signaux");
        String text = digest.text();
        assertThat(text).doesNotContain("acme-after-the-day");
        assertThat(text.indexOf("Brico Plus (BRICO)")).isLessThan(text.indexOf("Acme Distribution (ACME)"));
        assertThat(text.indexOf("brico-medium-newer")).isLessThan(text.indexOf("brico-medium-older"));
        assertThat(text.indexOf("brico-medium-older")).isLessThan(text.indexOf("brico-low"));
        assertThat(text.indexOf("brico-low")).isLessThan(text.indexOf("acme-low"));
    }

    @Test
    void neverSendsTheSameSignalTwiceAcrossRuns() throws Exception {
        fixture.signal("ACME", SignalType.DISPUTE, Severity.HIGH, LocalDate.of(2026, 3, 1), "high-one");
        fixture.signal("ACME", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, 1), "low-one");
        assertThat(notifier(10).sendDigests(LocalDate.of(2026, 3, 1))).isEqualTo(2);

        assertThat(notifier(10).sendDigests(LocalDate.of(2026, 3, 1))).isZero();
        assertThat(notifier(10).sendAlerts()).isZero();

        fixture.signal("ACME", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, 2), "low-two");
        assertThat(notifier(10).sendDigests(LocalDate.of(2026, 3, 2))).isEqualTo(1);
        List<MailParts> mails = emails();
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).text()).contains("low-two").doesNotContain("low-one").doesNotContain("high-one");
    }

    @Test
    void capsEachAccountPerDigestAndSendsTheRestNextTime() throws Exception {
        for (int i = 1; i <= 5; i++) {
            fixture.signal("ACME", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, i), "acme-" + i);
        }
        fixture.signal("BRICO", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, 1), "brico-1");
        RepNotifier notifier = notifier(2);
        LocalDate day = LocalDate.of(2026, 3, 10);

        notifier.sendDigests(day);
        notifier.sendDigests(day);
        notifier.sendDigests(day);
        assertThat(notifier.sendDigests(day)).isZero();

        List<MailParts> mails = emails();
        assertThat(mails).hasSize(3);
        assertThat(mails.get(0).text()).contains("acme-5", "acme-4", "brico-1").doesNotContain("acme-3")
                .contains("3 autre(s) signal(s)");
        assertThat(mails.get(1).text()).contains("acme-3", "acme-2").doesNotContain("acme-1").doesNotContain("brico-1");
        assertThat(mails.get(2).text()).contains("acme-1").doesNotContain("autre(s)");
    }

    @Test
    void showsTheAccountsMonthlyVolumeAsAnInlinePngChart() throws Exception {
        for (int m = 1; m <= 24; m++) {
            fixture.order("ACME", LocalDate.of(2024, 3, 10).plusMonths(m), 100 + m * 5);
        }
        fixture.signal("ACME", SignalType.LARGE_ORDER, Severity.MEDIUM, LocalDate.of(2026, 3, 12), "large");
        fixture.signal("ACME", SignalType.NEW_DELIVERY_SITE, Severity.MEDIUM, LocalDate.of(2026, 3, 12), "site");

        notifier(10).sendDigests(LocalDate.of(2026, 3, 31));

        MailParts digest = emails().get(0);
        assertThat(digest.images()).hasSize(1);
        MailParts.Image chart = digest.images().get(0);
        assertThat(chart.contentType()).isEqualToIgnoringCase("image/png");
        assertThat(chart.disposition()).isEqualToIgnoringCase("inline");
        assertThat(chart.size()).isGreaterThan(1000);
        String cid = chart.contentId().replaceAll("[<>]", "");
        assertThat(digest.html()).contains("src=\"cid:" + cid + "\"");
    }

    @Test
    void writesToEachRepInTheirLanguage() throws Exception {
        fixture.signal("NORD", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, 1), "nord-low");
        fixture.signal("ACME", SignalType.NEW_PRODUCT, Severity.LOW, LocalDate.of(2026, 3, 1), "acme-low");

        assertThat(notifier(10).sendDigests(LocalDate.of(2026, 3, 1))).isEqualTo(2);

        MailParts english = emails().stream().filter(m -> m.to().contains(JOHN)).findFirst().orElseThrow();
        assertThat(english.subject()).isEqualTo("[Aval] Digest for 2026-03-01: 1 signal");
        assertThat(english.text()).contains("Hello John Smith", "New product ordered", "Was this signal useful?", "Not useful")
                .doesNotContain("acme-low");
        assertThat(english.html()).contains("lang=\"en\"");
        MailParts french = emails().stream().filter(m -> m.to().contains(CLAIRE)).findFirst().orElseThrow();
        assertThat(french.text()).contains("Bonjour Claire Martin", "Nouveau produit commandé", "Ce signal vous a-t-il été utile ?");
        assertThat(french.html()).contains("lang=\"fr\"");
    }
}
