package io.aval.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.aval.journal.Journal;
import io.aval.journal.MessageStatus;
import io.aval.testing.TestJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which hand-off markers the pruning removes, on a real H2 journal and real marker files. */
class DeliveryMarkersTest {

    @TempDir
    static Path data;

    private static TestJournal store;
    private static Journal journal;
    private static final Instant NOW = Instant.parse("2026-11-27T04:00:00Z");

    @BeforeAll
    static void open() {
        store = TestJournal.open(data);
        journal = store.journal();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void removesOnlyOldMarkersOfDeliveredMessages(@TempDir Path deliveries) throws Exception {
        Path erp = Files.createDirectories(deliveries.resolve("erp"));
        Path partners = Files.createDirectories(deliveries.resolve("partners"));
        long oldDelivered = message(MessageStatus.DELIVERED);
        long oldOutbound = message(MessageStatus.DELIVERED);
        long recentDelivered = message(MessageStatus.DELIVERED);
        long oldAccepted = message(MessageStatus.ACCEPTED);
        long oldQuarantined = message(MessageStatus.QUARANTINED);
        Path a = marker(erp, "M" + oldDelivered, 20);
        Path b = marker(partners, "M" + oldOutbound, 15);
        Path c = marker(erp, "M" + recentDelivered, 13);
        Path d = marker(erp, "M" + oldAccepted, 30);
        Path e = marker(erp, "M" + oldQuarantined, 30);
        Path f = marker(erp, "M987654321", 30);                   // no such message in the journal
        Path g = marker(erp, ".writing-M" + oldDelivered, 30);   // a hand-off's temporary marker
        Path h = marker(erp, "notes.txt", 30);

        int removed = new DeliveryMarkers(journal, List.of(erp, partners, deliveries.resolve("absent")), Duration.ofDays(14),
                Clock.fixed(NOW, ZoneOffset.UTC)).prune();

        assertThat(removed).isEqualTo(2);
        assertThat(a).doesNotExist();
        assertThat(b).doesNotExist();
        assertThat(List.of(c, d, e, f, g, h)).allMatch(Files::exists);
    }

    private static long message(MessageStatus status) {
        return store.messages("DM", 1, status).get(0);
    }

    private static Path marker(Path folder, String name, int daysOld) throws Exception {
        Path p = Files.writeString(folder.resolve(name), "file.xml");
        Files.setLastModifiedTime(p, FileTime.from(NOW.minus(Duration.ofDays(daysOld))));
        return p;
    }
}
