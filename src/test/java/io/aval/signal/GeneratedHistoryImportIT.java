package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.cli.AvalCommand;
import io.aval.config.AvalConfig;
import io.aval.journal.Database;
import io.aval.notify.FeedbackServer;
import io.aval.notify.MailParts;
import io.aval.notify.NotifyEntities;
import io.aval.testing.TestGateway;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The signal catalogue end to end, as an integration team would run it: a generated two-year
 * history written as EDIFACT files, {@code ./aval import} through the real pipeline (journal,
 * broker, reader, mapping, ERP delivery, tap, detectors, the reps' emails day by day), then reps
 * answering some emails' feedback links over HTTP (the link, then the button of the page it opens), then {@code ./aval report contributions}. The
 * signals are scored against the generator's ground truth and the report is checked against the
 * database. One account per behaviour by default (hard negatives included); size with
 * {@code -Dsignals.pipeline.accounts=N} (54 for the closing note's run).
 */
class GeneratedHistoryImportIT {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final Pattern FEEDBACK_LINK = Pattern.compile("href=\"(http://[^\"]+\\?t=[^\"]+)\"");
    private static final Pattern FEEDBACK_FORM = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\">.*?name=\"t\" value=\"([^\"]+)\"", Pattern.DOTALL);

    @Test
    void importFindsThePlantedBehavioursAndTheReportMatchesTheDatabase(@TempDir Path work) throws Exception {
        int accounts = Integer.getInteger("signals.pipeline.accounts", HistoryGenerator.Behaviour.values().length);
        HistoryGenerator.History h = new HistoryGenerator(42, accounts, START).daily().generate();
        Path history = work.resolve("history");
        HistoryGenerator.writeTo(h, history);
        Files.delete(history.resolve("ground-truth.csv"));
        Path data = work.resolve("data");
        Path config = configFor(h, work.resolve("config"), freePort());

        long t0 = System.nanoTime();
        int exit = cli("import", history.toString(), "--config", config.toString(), "--data", data.toString());
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(exit).as("aval import exit code").isZero();

        AvalConfig cfg = AvalConfig.load(config, data);
        List<Class<?>> entities = new ArrayList<>(SignalEntities.CLASSES);
        entities.addAll(NotifyEntities.CLASSES);
        try (Database db = Database.open(cfg, entities)) {
            assertThat(count(db, "select count(*) from message where status = 'QUARANTINED'"))
                    .as("quarantined messages").isZero();
            assertThat(count(db, "select count(*) from message where tapped_at is null"))
                    .as("messages never tapped").isZero();
            List<Signal> signals = new SignalStore(db.entityManagerFactory()).list();
            CatalogueScore score = new CatalogueScore(h, accounts, signals);
            String table = score.report("Signal catalogue through ./aval import")
                    + String.format("import: %d messages in %.1f s (%.0f msg/s)%n", h.messageCount(), importSeconds,
                            h.messageCount() / importSeconds);
            System.out.println(table);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/signal-history-import.txt"), table);
            score.assertGood();

            // every signal of year two went out to its rep, in an alert or a digest
            assertThat(count(db, "select count(*) from account_signal s where s.business_date >= '" + score.yearTwo
                    + "' and not exists (select 1 from signal_notification n where n.signal_id = s.id)"))
                    .as("year-two signals never notified").isZero();

            // reps answer: the first link of some emails says useful, the second of others not useful
            Map<String, Integer> answered = answerSomeEmails(data.resolve("outbox"), cfg, db);
            assertThat(answered.get("useful")).isPositive();
            assertThat(answered.get("notUseful")).isPositive();

            Path csv = work.resolve("report.csv");
            assertThat(cli("report", "contributions", "--config", config.toString(), "--data", data.toString(),
                    "--from", score.yearTwo.toString(), "--to", h.end().toString(), "--format", "csv", "-o", csv.toString()))
                    .isZero();
            assertReportMatchesDatabase(Files.readAllLines(csv), db, score.yearTwo, h.end());
        }
    }

    /** The project's config, with one partner and one account team per generated customer. */
    private static Path configFor(HistoryGenerator.History h, Path dir, int feedbackPort) throws Exception {
        Files.createDirectories(dir);
        Path project = TestGateway.HOME.resolve("config");
        Files.copy(project.resolve("signals.yaml"), dir.resolve("signals.yaml"));
        Files.writeString(dir.resolve("application.properties"), Files.readString(project.resolve("application.properties"))
                + "\naval.feedback.http.port = " + feedbackPort + "\n");
        StringBuilder partners = new StringBuilder("""
                supplier:
                  name: Fournisseur Industriel SA
                  identities:
                    - { id: "4012345000009", qualifier: "14" }
                partners:
                """);
        StringBuilder teams = new StringBuilder("accounts:\n");
        int i = 0;
        for (String gln : h.accounts()) {
            partners.append("  - id: c").append(++i).append("\n    name: Client ").append(i).append("\n    account: \"").append(gln)
                    .append("\"\n    identities:\n      - { id: \"").append(gln).append("\", qualifier: \"14\" }\n")
                    .append("    inbound:\n      messageTypes: [ORDERS]\n      directories: [D96A]\n      reader: aval\n")
                    .append("    outbound:\n      directory: D96A\n      syntaxVersion: 3\n      charset: UNOC\n      una: true\n");
            teams.append("  - id: \"").append(gln).append("\"\n    name: Client ").append(i)
                    .append("\n    rep:\n      name: Rep ").append(i).append("\n      email: rep").append(i)
                    .append("@fournisseur.example\n      language: ").append(i % 2 == 0 ? "en" : "fr")
                    .append("\n    contacts:\n      ADV: adv").append(i).append("@fournisseur.example\n");
        }
        Files.writeString(dir.resolve("partners.yaml"), partners);
        Files.writeString(dir.resolve("accounts.yaml"), teams);
        return dir;
    }

    /** Opens the feedback endpoint and follows some links of the emails in the outbox, as reps would. */
    private static Map<String, Integer> answerSomeEmails(Path outbox, AvalConfig cfg, Database db) throws Exception {
        List<Path> emails;
        try (Stream<Path> files = Files.walk(outbox)) {
            emails = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(emails).as("emails in the outbox").isNotEmpty();
        Map<String, Integer> answered = new HashMap<>(Map.of("useful", 0, "notUseful", 0));
        HttpClient http = HttpClient.newHttpClient();
        try (FeedbackServer server = FeedbackServer.start(cfg, db.entityManagerFactory())) {
            for (int k = 0; k < emails.size(); k += 3) {
                List<String> links = feedbackLinks(emails.get(k));
                if (links.size() < 2) {
                    continue;
                }
                boolean useful = (k / 3) % 2 == 0;
                URI link = URI.create(links.get(useful ? 0 : 1));
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as("feedback link of %s", emails.get(k)).isEqualTo(200);
                // the link opens a page with one button; pressing it posts the page's form to its action
                Matcher form = FEEDBACK_FORM.matcher(page.body());
                assertThat(form.find()).as("confirmation form of %s: %s", link, page.body()).isTrue();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(link.resolve(form.group(1)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("t=" + java.net.URLEncoder.encode(
                                        form.group(2).replace("&amp;", "&"), java.nio.charset.StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("feedback button of %s", emails.get(k)).isEqualTo(200);
                answered.merge(useful ? "useful" : "notUseful", 1, Integer::sum);
            }
        }
        return answered;
    }

    private static List<String> feedbackLinks(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            MailParts mail = MailParts.of(new MimeMessage(Session.getInstance(new Properties()), in));
            Set<String> links = new LinkedHashSet<>();
            Matcher m = FEEDBACK_LINK.matcher(mail.html());
            while (m.find()) {
                links.add(m.group(1).replace("&amp;", "&"));
            }
            return new ArrayList<>(links);
        }
    }

    /** Each CSV row's counts equal what the database holds for that account and signal type. */
    private static void assertReportMatchesDatabase(List<String> csv, Database db, LocalDate from, LocalDate to) throws Exception {
        assertThat(csv.get(0)).isEqualTo("from,to,function,account,account_name,rep,signal_type,signals,notified,useful,not_useful,leads");
        Map<String, long[]> expected = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select s.account_id, s.signal_type, count(*), count(n.id), "
                             + "sum(case when f.useful then 1 else 0 end), sum(case when f.useful = false then 1 else 0 end) "
                             + "from account_signal s left join signal_notification n on n.signal_id = s.id "
                             + "left join signal_feedback f on f.signal_id = s.id "
                             + "where s.business_date between '" + from + "' and '" + to + "' group by s.account_id, s.signal_type")) {
            while (rs.next()) {
                expected.put(rs.getString(1) + "/" + rs.getString(2),
                        new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
            }
        }
        Map<String, long[]> reported = new HashMap<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            reported.merge(f[3] + "/" + f[6], new long[] {Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]),
                    Long.parseLong(f[10])}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]});
        }
        assertThat(reported.keySet()).isEqualTo(expected.keySet());
        long useful = 0;
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            assertThat(reported.get(e.getKey())).as("report row %s (signals, notified, useful, not useful)", e.getKey())
                    .containsExactly(e.getValue());
            useful += e.getValue()[2];
        }
        assertThat(useful).as("useful answers in the period").isPositive();
    }

    private static long count(Database db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int cli(String... args) {
        return new CommandLine(new AvalCommand()).execute(args);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
