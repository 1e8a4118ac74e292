package io.aval.transport.internal;

import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.transport.PasswordHash;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partner log-ins for the HTTP endpoints, resolved once at start-up from {@code partners.yaml}.
 * A hash may stand in the file or be referenced as {@code {{env:NAME}}}; a value that is not a
 * hash (a password typed in plain text) stops the start, a reference to an unset variable only
 * leaves that partner without HTTP access.
 */
public final class CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialStore.class);
    private static final Pattern ENV = Pattern.compile("\\{\\{env:([A-Za-z_][A-Za-z0-9_]*)}}");

    private record Login(Partner partner, String hash) {
    }

    private final Map<String, Login> byUsername = new LinkedHashMap<>();
    private final String unknownUserHash = PasswordHash.create("unknown user".toCharArray());

    public CredentialStore(PartnerDirectory partners, UnaryOperator<String> environment) {
        for (Partner p : partners.partners()) {
            if (p.credentials() == null || p.credentials().passwordHash() == null) {
                continue;
            }
            String value = p.credentials().passwordHash().trim();
            Matcher env = ENV.matcher(value);
            if (env.matches()) {
                value = environment.apply(env.group(1));
                if (value == null || value.isBlank()) {
                    LOG.warn("Partner {} has no HTTP access: environment variable {} is not set", p.id(), env.group(1));
                    continue;
                }
                value = value.trim();
            }
            if (!PasswordHash.looksLikeHash(value)) {
                throw new IllegalStateException("Partner " + p.id() + ": credentials.passwordHash in partners.yaml must be a "
                        + PasswordHash.SCHEME + " hash (made by PasswordHashCommand) or {{env:NAME}}, never a password");
            }
            if (byUsername.putIfAbsent(p.username(), new Login(p, value)) != null) {
                throw new IllegalStateException("User name '" + p.username() + "' is given to two partners in partners.yaml");
            }
        }
    }

    /** The partner these credentials belong to, if the password matches. */
    public Optional<Partner> authenticate(String username, char[] password) {
        Login login = byUsername.get(username);
        if (login == null) {
            // spend the same time as a real check, so user names cannot be probed by timing
            PasswordHash.matches(password, unknownUserHash);
            return Optional.empty();
        }
        return PasswordHash.matches(password, login.hash()) ? Optional.of(login.partner()) : Optional.empty();
    }

    public int size() {
        return byUsername.size();
    }
}
