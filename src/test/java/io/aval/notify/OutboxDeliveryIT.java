package io.aval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.signal.Severity;
import io.aval.signal.SignalType;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without an SMTP host, emails are standard .eml files under DATA/outbox/. */
class OutboxDeliveryIT {

    @Test
    void writesEmlFilesToTheOutboxWhenNoSmtpHostIsConfigured(@TempDir Path data) throws Exception {
        try (NotifyFixture fixture = new NotifyFixture(data)) {
            fixture.signal("ACME", SignalType.DISPUTE, Severity.HIGH, LocalDate.of(2026, 3, 2), "credit note");
            RepNotifier notifier = RepNotifier.create(fixture.config.with("aval.mail.smtp.host", ""), fixture.db.entityManagerFactory());

            assertThat(notifier.sendDigests(LocalDate.of(2026, 3, 2))).isEqualTo(1);

            List<Path> files;
            try (Stream<Path> s = Files.list(data.resolve("outbox"))) {
                files = s.toList();
            }
            assertThat(files).hasSize(1);
            assertThat(files.get(0).getFileName().toString()).endsWith(".eml");
            try (InputStream in = Files.newInputStream(files.get(0))) {
                MailParts mail = MailParts.of(new MimeMessage(Session.getInstance(new Properties()), in));
                // the real config/accounts.yaml: ACME belongs to Claire Martin, SAV contact in copy
                assertThat(mail.to()).containsExactly("claire.martin@fournisseur.example");
                assertThat(mail.cc()).containsExactly("sav.acme@fournisseur.example");
                assertThat(mail.text()).contains("credit note");
                assertThat(mail.html()).contains("credit note");
            }
        }
    }
}
