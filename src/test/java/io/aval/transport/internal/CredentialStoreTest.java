package io.aval.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import io.aval.partner.PartyIdentity;
import io.aval.transport.PasswordHash;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialStoreTest {

    private static final String HASH = PasswordHash.create("acme-password-1".toCharArray(), 1000);

    private static Partner partner(String id, String identity, Partner.Credentials credentials) {
        return new Partner(id, id, id.toUpperCase(), List.of(new PartyIdentity(identity, "14")), null, null, credentials, null);
    }

    private static PartnerDirectory directory(Partner... partners) {
        return new PartnerDirectory(new PartnerDirectory.Supplier("us", List.of(new PartyIdentity("4012345000009", "14"))),
                List.of(partners));
    }

    @Test
    void authenticatesByPartnerIdWithTheHashFromTheEnvironment() {
        CredentialStore store = new CredentialStore(
                directory(partner("acme", "5412345000013", new Partner.Credentials(null, "{{env:ACME_HASH}}"))),
                name -> name.equals("ACME_HASH") ? HASH : null);
        assertThat(store.authenticate("acme", "acme-password-1".toCharArray())).map(Partner::id).hasValue("acme");
        assertThat(store.authenticate("acme", "wrong".toCharArray())).isEmpty();
        assertThat(store.authenticate("other", "acme-password-1".toCharArray())).isEmpty();
    }

    @Test
    void unsetEnvironmentVariableLeavesThePartnerWithoutAccess() {
        CredentialStore store = new CredentialStore(
                directory(partner("acme", "5412345000013", new Partner.Credentials("acme-http", "{{env:UNSET}}"))), name -> null);
        assertThat(store.size()).isZero();
    }

    @Test
    void refusesAPlainTextPasswordInPartnersYaml() {
        assertThatThrownBy(() -> new CredentialStore(
                directory(partner("acme", "5412345000013", new Partner.Credentials(null, "secret123"))), name -> null))
                .hasMessageContaining("acme").hasMessageContaining("never a password");
    }

    @Test
    void refusesTheSameUserNameForTwoPartners() {
        assertThatThrownBy(() -> new CredentialStore(directory(
                partner("acme", "5412345000013", new Partner.Credentials("shared", HASH)),
                partner("brico", "3012345000016", new Partner.Credentials("shared", HASH))), name -> null))
                .hasMessageContaining("shared");
    }
}
