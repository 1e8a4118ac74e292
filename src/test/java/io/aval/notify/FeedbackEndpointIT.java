package io.aval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.signal.Severity;
import io.aval.signal.Signal;
import io.aval.signal.SignalType;
import java.net.URI;
import java.net.URLEncoder;
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

/** The feedback links and their confirmation button over real HTTP, against the CXF endpoint on a free port. */
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

    /** What a mail client (or a mail scanner) does with the link: GET. */
    private HttpResponse<String> follow(String token) throws Exception {
        String url = "http://127.0.0.1:" + server.port() + "/feedback" + (token == null ? "" : "?t=" + token);
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What the button of the page the link opens does: POST the form, posting to the action the page names. */
    private HttpResponse<String> press(String token) throws Exception {
        String form = token == null ? "" : "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/feedback"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theLinkOpensAConfirmationAndTheButtonRecordsTheAnswer() throws Exception {
        String token = tokens.sign(first.id(), true);
        HttpResponse<String> page = follow(token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"feedback\">",
                "name=\"t\" value=\"" + token + "\"", "Confirm: signal useful");
        assertThat(store.list()).isEmpty();

        HttpResponse<String> response = press(token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Merci", "Thank you");
        assertThat(store.list()).singleElement().satisfies(f -> {
            assertThat(f.signalId()).isEqualTo(first.id());
            assertThat(f.useful()).isTrue();
        });
    }

    @Test
    void aScannerFollowingEveryLinkRecordsNothing() throws Exception {
        for (Signal s : new Signal[] {first, second}) {
            assertThat(follow(tokens.sign(s.id(), true)).statusCode()).isEqualTo(200);
            assertThat(follow(tokens.sign(s.id(), false)).statusCode()).isEqualTo(200);
        }

        assertThat(store.list()).isEmpty();
    }

    @Test
    void aReplayedAnswerIsHarmless() throws Exception {
        String token = tokens.sign(first.id(), false);
        assertThat(press(token).statusCode()).isEqualTo(200);
        var answeredAt = store.list().get(0).answeredAt();

        assertThat(press(token).statusCode()).isEqualTo(200);
        assertThat(follow(token).statusCode()).isEqualTo(200);

        assertThat(store.list()).singleElement().satisfies(f -> {
            assertThat(f.useful()).isFalse();
            assertThat(f.answeredAt()).isEqualTo(answeredAt);
        });
    }

    @Test
    void refusesAForgedToken() throws Exception {
        FeedbackTokens forger = new FeedbackTokens("another-secret-of-16-bytes-or-more".getBytes(StandardCharsets.UTF_8));

        for (String bad : new String[] {forger.sign(first.id(), true), "garbage", null}) {
            assertThat(follow(bad).statusCode()).as("GET %s", bad).isEqualTo(403);
            assertThat(press(bad).statusCode()).as("POST %s", bad).isEqualTo(403);
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    void refusesATokenAlteredToAnotherSignalOrAnswer() throws Exception {
        String valid = tokens.sign(first.id(), true);
        String otherSignal = valid.replaceFirst("^" + first.id() + "\\.", second.id() + ".");
        String otherAnswer = valid.replace("." + "u" + ".", ".n.");
        String otherMac = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");

        assertThat(otherSignal).isNotEqualTo(valid);
        for (String altered : new String[] {otherSignal, otherAnswer, otherMac}) {
            assertThat(follow(altered).statusCode()).as("GET %s", altered).isEqualTo(403);
            assertThat(press(altered).statusCode()).as("POST %s", altered).isEqualTo(403);
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    void theOtherAnswerReplacesTheFirst() throws Exception {
        press(tokens.sign(first.id(), true));
        press(tokens.sign(first.id(), false));

        assertThat(store.list()).singleElement().satisfies(f -> assertThat(f.useful()).isFalse());
    }
}
