package io.aval.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void hashMatchesItsPasswordOnlyAndIsSaltedEachTime() {
        String hash = PasswordHash.create("correct horse battery".toCharArray(), 1000);
        assertThat(hash).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct horse");
        assertThat(PasswordHash.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.matches("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.create("correct horse battery".toCharArray(), 1000)).isNotEqualTo(hash);
    }

    @Test
    void malformedOrForeignHashesNeverMatch() {
        assertThat(PasswordHash.matches("x".toCharArray(), null)).isFalse();
        assertThat(PasswordHash.matches("x".toCharArray(), "x")).isFalse();
        assertThat(PasswordHash.matches("x".toCharArray(), "md5$1$abc$def")).isFalse();
        assertThat(PasswordHash.matches("x".toCharArray(), "pbkdf2-sha256$notanumber$abc$def")).isFalse();
        assertThat(PasswordHash.looksLikeHash("my plain password")).isFalse();
    }
}
