package io.aval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.signal.Severity;
import io.aval.signal.Signal;
import io.aval.signal.SignalType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feedback links over real HTTP, against the CXF endpoint on a free port. */
class FeedbackEndpointIT {

    @TempDir
    static Path data;

    static NotifyFixture fixture;
    static FeedbackServer server;
    static FeedbackTokens tokens;
    static FeedbackStore store;
    final HttpClient http = HttpClient.newHttpClient();

    Signal first;
    Signal second;

    @BeforeAll
    static void start() {
        fixture = new NotifyFixture(data);
        tokens = FeedbackTokens.from(fixture.config);
        store = new FeedbackStore(fixture.db.entityManagerFactory());
        server = FeedbackServer.start(fixture.config.with("aval.feedback.http.port", "0"), fixture.db.entityManagerFactory());
    }

    @AfterAll
    static void stop() {
        server.close();
        fixture.close();
    }

    @BeforeEach
    void signals() {
        fixture.clear();
        first = fixture.signal("ACME", SignalType.LARGE_ORDER, Severity.MEDIUM, LocalDate.of(2026, 3, 2), "first");
        second = fixture.signal("ACME", SignalType.NEW_DELIVERY_SITE, Severity.MEDIUM, LocalDate.of(2026, 3, 2), "second");
    }

    private HttpResponse<String> follow(String token) throws Exception {
        String url = "http://127.0.0.1:" + server.port() + "/feedback" + (token == null ? "" : "?t=" + token);
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void recordsTheAnswerOfAValidLink() throws Exception {
        HttpResponse<String> response = follow(tokens.sign(first.id(), true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Merci", "Thank you");
        assertThat(store.list()).singleElement().satisfies(f -> {
            assertThat(f.signalId()).isEqualTo(first.id());
            assertThat(f.useful()).isTrue();
        });
    }

    @Test
    void aReplayedLinkIsHarmless() throws Exception {
        String token = tokens.sign(first.id(), false);
        assertThat(follow(token).statusCode()).isEqualTo(200);
        var answeredAt = store.list().get(0).answeredAt();

        assertThat(follow(token).statusCode()).isEqualTo(200);
        assertThat(follow(token).statusCode()).isEqualTo(200);

        assertThat(store.list()).singleElement().satisfies(f -> {
            assertThat(f.useful()).isFalse();
            assertThat(f.answeredAt()).isEqualTo(answeredAt);
        });
    }

    @Test
    void refusesAForgedToken() throws Exception {
        FeedbackTokens forger = new FeedbackTokens("another-secret-of-16-bytes-or-more".getBytes(StandardCharsets.UTF_8));

        assertThat(follow(forger.sign(first.id(), true)).statusCode()).isEqualTo(403);
        assertThat(follow("garbage").statusCode()).isEqualTo(403);
        assertThat(follow(null).statusCode()).isEqualTo(403);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void refusesATokenAlteredToAnotherSignalOrAnswer() throws Exception {
        String valid = tokens.sign(first.id(), true);
        String otherSignal = valid.replaceFirst("^" + first.id() + "\\.", second.id() + ".");
        String otherAnswer = valid.replace("." + "u" + ".", ".n.");
        String otherMac = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");

        assertThat(otherSignal).isNotEqualTo(valid);
        assertThat(follow(otherSignal).statusCode()).isEqualTo(403);
        assertThat(follow(otherAnswer).statusCode()).isEqualTo(403);
        assertThat(follow(otherMac).statusCode()).isEqualTo(403);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void theOtherAnswerReplacesTheFirst() throws Exception {
        follow(tokens.sign(first.id(), true));
        follow(tokens.sign(first.id(), false));

        assertThat(store.list()).singleElement().satisfies(f -> assertThat(f.useful()).isFalse());
    }
}
