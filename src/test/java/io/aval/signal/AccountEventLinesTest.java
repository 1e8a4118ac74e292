package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * An event's lines are recorded with one INSERT each that carries their event and position: Hibernate's
 * default for a list it owns added an UPDATE per line setting both again (two of every five statements
 * of the signal tap's transaction for two-line orders).
 */
class AccountEventLinesTest {

    @Test
    void eachLineIsOneInsertWithItsEventAndPosition() {
        try (EngineScenario s = new EngineScenario()) {
            AccountFixture a = new AccountFixture("5410000000143");
            LocalDate day = LocalDate.of(2025, 1, 6);
            s.add(a.order(day)).run();
            jakarta.persistence.EntityManager em = s.emf.createEntityManager();
            try {
                em.unwrap(Session.class).doWork(c -> c.createStatement().execute("SET QUERY_STATISTICS TRUE"));
                List<EdifactMessage> batch = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    batch.add(a.order(day.plusDays(1)));
                }
                s.engine.acceptAll(s.extract(batch, "L1"));

                List<String> statements = new ArrayList<>();
                List<String> lines = new ArrayList<>();
                em.unwrap(Session.class).doWork(c -> {
                    try (var r = c.createStatement().executeQuery("select execution_count, sql_statement from information_schema.query_statistics")) {
                        while (r.next()) {
                            statements.add(r.getInt(1) + " " + r.getString(2).toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                    c.createStatement().execute("SET QUERY_STATISTICS FALSE");
                    try (var r = c.createStatement().executeQuery("select e.document_number, l.line_index, l.product_id from account_event e"
                            + " join account_event_line l on l.event_id = e.id order by e.id, l.line_index")) {
                        while (r.next()) {
                            lines.add(r.getString(1) + " " + r.getInt(2) + " " + r.getString(3));
                        }
                    }
                });

                assertThat(statements).anySatisfy(st -> assertThat(st).startsWith("10 insert into account_event_line"));
                assertThat(statements).noneSatisfy(st -> assertThat(st).contains("update account_event_line"));
                assertThat(lines).hasSize(12);
                for (int i = 0; i < lines.size(); i += 2) {
                    assertThat(lines.get(i)).endsWith(" 0 " + AccountFixture.JOINT);
                    assertThat(lines.get(i + 1)).endsWith(" 1 " + AccountFixture.BRIDE);
                }
                assertThat(em.createQuery("select r from AccountEventRecord r order by r.id", AccountEventRecord.class).getResultList())
                        .allSatisfy(r -> assertThat(r.lines()).extracting(AccountEventLineRecord::productId)
                                .containsExactly(AccountFixture.JOINT, AccountFixture.BRIDE));
            } finally {
                em.close();
            }
        }
    }
}
