package io.aval.notify;

import io.aval.config.AvalConfig;
import io.aval.notify.internal.SecretSetting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the "useful / not useful" links: a token names one signal and one answer, and
 * carries an HMAC-SHA256 of both under the gateway's secret, so a rep's link cannot be turned into
 * an answer for another signal or the other answer. The secret is {@code aval.feedback.secret}
 * (from the environment in production); without it a random one is generated once in
 * {@code DATA/feedback.secret} so links stay valid across restarts on a developer machine.
 */
public final class FeedbackTokens {

    /** What a valid token says. */
    public record Answer(long signalId, boolean useful) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public FeedbackTokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalStateException("aval.feedback.secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public static FeedbackTokens from(AvalConfig config) {
        String configured = SecretSetting.get(config, "aval.feedback.secret");
        if (!configured.isBlank()) {
            return new FeedbackTokens(configured.getBytes(StandardCharsets.UTF_8));
        }
        return new FeedbackTokens(generatedSecret(config.dataDir().resolve("feedback.secret")));
    }

    private static synchronized byte[] generatedSecret(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, HexFormat.of().formatHex(random));
                try {
                    Files.move(tmp, file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the feedback secret " + file, e);
        }
    }

    /** The token of one answer for one signal: {@code <signalId>.<u|n>.<mac>}. */
    public String sign(long signalId, boolean useful) {
        String payload = signalId + "." + (useful ? "u" : "n");
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /** What the token says, if it was signed by this gateway and not altered. */
    public Optional<Answer> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !(parts[1].equals("u") || parts[1].equals("n"))) {
            return Optional.empty();
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(given, mac(parts[0] + "." + parts[1]))) {
            return Optional.empty();
        }
        return Optional.of(new Answer(Long.parseLong(parts[0]), parts[1].equals("u")));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("aval-feedback-v1|" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
