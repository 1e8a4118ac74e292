package io.aval.transport.internal;

import io.aval.config.AvalConfig;
import io.aval.journal.Journal;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the AS2 routes from {@code routes/inbound-as2.camel.yaml} and
 * {@code routes/outbound-as2.camel.yaml} when {@code aval.as2.keystore} is set: the server
 * (route {@code inbound-as2}) and one sender per partner whose {@code as2:} profile has a
 * {@code url} (route {@code outbound-as2-<partner>}), and binds the key material they refer to.
 */
public final class As2Routes {

    private static final Logger LOG = LoggerFactory.getLogger(As2Routes.class);

    private As2Routes() {
    }

    /** The ids of the routes added (none when AS2 is not configured). */
    public static List<String> add(CamelContext camel, AvalConfig config, PartnerDirectory partners,
                                   PartnerSubmission submission, Journal journal, UnaryOperator<String> environment) {
        String keystore = config.get("aval.as2.keystore", "");
        if (keystore.isBlank()) {
            if (partners.partners().stream().anyMatch(p -> p.as2() != null)) {
                LOG.warn("Partners have an as2 profile but aval.as2.keystore is not set: AS2 is off");
            }
            return List.of();
        }
        String password = config.get("aval.as2.keystore-password", "");
        if (password.isBlank()) {
            String env = environment.apply("AVAL_AS2_KEYSTORE_PASSWORD");
            password = env == null ? "" : env;
        }
        As2Keys keys = As2Keys.load(config.configDir().resolve(keystore).normalize(), password.toCharArray(),
                config.get("aval.as2.key-alias", ""));
        Path configDir = config.configDir();
        Map<String, Certificate[]> certificates = new HashMap<>();
        for (Partner p : partners.partners()) {
            if (p.as2() != null) {
                certificates.put(p.id(), As2Keys.partnerCertificate(p, configDir));
            }
        }
        String as2Id = config.get("aval.as2.id");
        boolean requireEncryption = Boolean.parseBoolean(config.get("aval.as2.require-encryption", "true"));
        camel.getRegistry().bind("as2SigningChain", keys.chain());
        camel.getRegistry().bind("as2SigningKey", keys.privateKey());
        camel.getRegistry().bind("as2DecryptingKey", keys.privateKey());
        camel.getRegistry().bind("as2Intake", new As2Intake(submission, partners, as2Id, keys.privateKey(),
                p -> certificates.get(p.id())));
        camel.getRegistry().bind("as2ReceiptChecker", new As2ReceiptChecker(journal, partners, p -> certificates.get(p.id())));

        List<String> ids = new ArrayList<>();
        try {
            TemplatedRouteBuilder server = TemplatedRouteBuilder.builder(camel, "inbound-as2").routeId("inbound-as2")
                    .parameter("port", config.get("aval.as2.port"))
                    .parameter("path", config.get("aval.as2.path", "/as2"))
                    .parameter("as2Id", as2Id)
                    .parameter("serverFqdn", config.get("aval.as2.fqdn", "localhost"));
            if (requireEncryption) {
                server.parameter("decryptingPrivateKey", "#as2DecryptingKey");
            }
            ids.add(server.add());
            String delay = config.get("aval.as2.outbound-poll-ms", "5000");
            for (Partner p : partners.partners()) {
                if (p.as2() == null || p.as2().url() == null || p.as2().url().isBlank()) {
                    continue;
                }
                if (p.sftp() != null && p.sftp().outbox() != null) {
                    throw new IllegalStateException("Partner " + p.id() + ": both sftp.outbox and as2.url in partners.yaml;"
                            + " its outbound interchanges can go one way only");
                }
                camel.getRegistry().bind("as2Certificate-" + p.id(), certificates.get(p.id()));
                URI url = URI.create(p.as2().url());
                boolean tls = "https".equalsIgnoreCase(url.getScheme());
                if (!tls && !"http".equalsIgnoreCase(url.getScheme())) {
                    throw new IllegalStateException("Partner " + p.id() + ": as2.url must be http:// or https://, not " + url);
                }
                TemplatedRouteBuilder sender = TemplatedRouteBuilder.builder(camel, "outbound-as2")
                        .routeId("outbound-as2-" + p.id())
                        .parameter("partner", p.id())
                        .parameter("host", url.getHost())
                        .parameter("port", Integer.toString(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80))
                        .parameter("requestUri", url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                        .parameter("as2From", as2Id)
                        .parameter("as2To", p.as2().id())
                        .parameter("structure", structure(p.as2()).name())
                        .parameter("delay", delay);
                if (tls) {
                    camel.getRegistry().bind("as2ClientTls", SSLContext.getDefault());
                    sender.parameter("sslContext", "#as2ClientTls");
                }
                ids.add(sender.add());
            }
            LOG.info("AS2 server {} on port {}{} ({}), {} AS2 partner(s), {} outbound", as2Id, config.get("aval.as2.port"),
                    config.get("aval.as2.path", "/as2"), requireEncryption ? "signed and encrypted" : "signed",
                    certificates.size(), ids.size() - 1);
            return ids;
        } catch (Exception e) {
            for (String id : ids) {
                try {
                    camel.getRouteController().stopRoute(id);
                    camel.removeRoute(id);
                } catch (Exception ignored) {
                    // reporting the start failure
                }
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException("AS2 routes did not start: " + e.getMessage(), e);
        }
    }

    static AS2MessageStructure structure(Partner.As2Profile profile) {
        if (profile.signs()) {
            return profile.encrypts() ? AS2MessageStructure.SIGNED_ENCRYPTED : AS2MessageStructure.SIGNED;
        }
        return profile.encrypts() ? AS2MessageStructure.ENCRYPTED : AS2MessageStructure.PLAIN;
    }
}
