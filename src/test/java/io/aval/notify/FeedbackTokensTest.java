package io.aval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackTokensTest {

    @Test
    void generatesADevSecretUnderDataOnceAndKeepsLinksValidAcrossRestarts(@TempDir Path data, @TempDir Path other) throws Exception {
        var config = TestGateway.config(data).with("aval.feedback.secret", "");
        String token = FeedbackTokens.from(config).sign(42, true);

        assertThat(data.resolve("feedback.secret")).exists();
        assertThat(Files.readString(data.resolve("feedback.secret")).trim()).hasSize(64);
        assertThat(FeedbackTokens.from(config).verify(token)).contains(new FeedbackTokens.Answer(42, true));
        assertThat(FeedbackTokens.from(TestGateway.config(other).with("aval.feedback.secret", "")).verify(token)).isEmpty();
    }

    @Test
    void usesTheConfiguredSecretFromTheEnvironmentPlaceholder(@TempDir Path data) {
        var config = TestGateway.config(data).with("aval.feedback.secret", "{{env:AVAL_NO_SUCH_VARIABLE:a-default-secret-16-bytes}}");
        String token = FeedbackTokens.from(config).sign(7, false);

        assertThat(new FeedbackTokens("a-default-secret-16-bytes".getBytes()).verify(token)).contains(new FeedbackTokens.Answer(7, false));
        assertThat(data.resolve("feedback.secret")).doesNotExist();
    }
}
