package io.aval.notify;

import io.aval.config.AvalConfig;
import io.aval.notify.internal.SecretSetting;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * Where rep emails go: an SMTP server when {@code aval.mail.smtp.host} is set, otherwise standard
 * {@code .eml} files in {@code DATA/outbox/} (open them with any mail client).
 */
public final class MailDelivery {

    private final Session session;
    private final String smtpHost;
    private final String user;
    private final String password;
    private final Path outbox;

    private MailDelivery(Session session, String smtpHost, String user, String password, Path outbox) {
        this.session = session;
        this.smtpHost = smtpHost;
        this.user = user;
        this.password = password;
        this.outbox = outbox;
    }

    public static MailDelivery from(AvalConfig config) {
        String host = config.get("aval.mail.smtp.host", "");
        Properties props = new Properties();
        if (!host.isBlank()) {
            props.put("mail.smtp.host", host);
            props.put("mail.smtp.port", config.get("aval.mail.smtp.port", "25"));
            props.put("mail.smtp.connectiontimeout", "15000");
            props.put("mail.smtp.timeout", "30000");
            props.put("mail.smtp.starttls.enable", config.get("aval.mail.smtp.starttls", "false"));
        }
        String user = config.get("aval.mail.smtp.user", "");
        if (!user.isBlank()) {
            props.put("mail.smtp.auth", "true");
        }
        return new MailDelivery(Session.getInstance(props), host.isBlank() ? null : host, user,
                SecretSetting.get(config, "aval.mail.smtp.password"), config.dataDir().resolve("outbox"));
    }

    public Session session() {
        return session;
    }

    /** True when emails go to an SMTP server, false when they are written to the outbox folder. */
    public boolean usesSmtp() {
        return smtpHost != null;
    }

    public Path outbox() {
        return outbox;
    }

    /** Sends the message, or writes it as an {@code .eml} file; a failure throws so the caller can roll back. */
    public void send(MimeMessage message) {
        try {
            message.saveChanges();
            if (smtpHost != null) {
                if (user.isBlank()) {
                    Transport.send(message);
                } else {
                    Transport.send(message, user, password);
                }
                return;
            }
            Files.createDirectories(outbox);
            String name = Instant.now().toString().replace(":", "").replace(".", "-") + "-" + UUID.randomUUID().toString().substring(0, 8);
            Path tmp = outbox.resolve(name + ".eml.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                message.writeTo(out);
            }
            // renamed when complete, so a reader of the outbox never sees half an email
            Files.move(tmp, outbox.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Email not sent" + (smtpHost != null ? " via " + smtpHost : " to " + outbox) + ": "
                    + e.getMessage(), e);
        }
    }
}
