package io.aval.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each state a killed process can leave behind (see {@link IdempotentFileDrop}), rebuilt on disk,
 * and what the retry after the restart must do with it.
 */
class IdempotentFileDropTest {

    @TempDir
    Path dir;

    private Path erp() {
        return dir.resolve("outbound/erp");
    }

    private IdempotentFileDrop drop() {
        return new IdempotentFileDrop(dir.resolve("deliveries/erp"));
    }

    @Test
    void handsANewFileOverUnderItsNameWithNothingHiddenLeft() throws Exception {
        IdempotentFileDrop.HandOff h = drop().deliver(erp(), "M1", "acme-ORDERS-PO-1-M1.xml", bytes("<Order/>"));

        assertThat(h.earlier()).isFalse();
        assertThat(h.file()).isEqualTo(erp().resolve("acme-ORDERS-PO-1-M1.xml")).hasContent("<Order/>");
        assertThat(names(erp())).containsExactly("acme-ORDERS-PO-1-M1.xml");
    }

    @Test
    void makesTheFoldersAgainWhenTheyWereRemovedBetweenHandOffs() throws Exception {
        IdempotentFileDrop drop = drop();
        drop.deliver(erp(), "M1", "acme-ORDERS-PO-1-M1.xml", bytes("<Order>1</Order>"));
        deleteTree(dir.resolve("outbound"));
        deleteTree(dir.resolve("deliveries"));

        IdempotentFileDrop.HandOff h = drop.deliver(erp(), "M2", "acme-ORDERS-PO-2-M2.xml", bytes("<Order>2</Order>"));

        assertThat(h.earlier()).isFalse();
        assertThat(h.file()).hasContent("<Order>2</Order>");
        assertThat(names(erp())).containsExactly("acme-ORDERS-PO-2-M2.xml");
        assertThat(drop.recordedName("M2")).contains("acme-ORDERS-PO-2-M2.xml");
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void writesNothingAgainForAFileTheErpHasAlreadyTakenAway() throws Exception {
        drop().deliver(erp(), "M1", "acme-ORDERS-PO-1-M1.xml", bytes("<Order/>"));
        Files.delete(erp().resolve("acme-ORDERS-PO-1-M1.xml")); // the ERP took it

        IdempotentFileDrop.HandOff again = drop().deliver(erp(), "M1", "acme-ORDERS-PO-1-M1.xml", bytes("<Order/>"));

        assertThat(again.earlier()).isTrue();
        assertThat(names(erp())).isEmpty();
    }

    @Test
    void doesNotRewriteAFileStillWaitingForTheErp() throws Exception {
        drop().deliver(erp(), "M1", "acme-ORDERS-PO-1-M1.xml", bytes("<Order>first</Order>"));

        IdempotentFileDrop.HandOff again = drop().deliver(erp(), "M1", "acme-ORDERS-PO-1-M1.xml", bytes("<Order>second</Order>"));

        assertThat(again.earlier()).isTrue();
        assertThat(erp().resolve("acme-ORDERS-PO-1-M1.xml")).hasContent("<Order>first</Order>");
    }

    @Test
    void completesAHandOffKilledBetweenMarkerAndRename() throws Exception {
        // what a kill after step 3 leaves: the complete hidden file and the marker with its name, no visible file
        Files.createDirectories(erp());
        Files.createDirectories(dir.resolve("deliveries/erp"));
        Files.writeString(erp().resolve(".writing-M7"), "<Order>7</Order>");
        Files.writeString(dir.resolve("deliveries/erp/M7"), "acme-ORDERS-PO-7-M7.xml");

        IdempotentFileDrop.HandOff h = drop().deliver(erp(), "M7", "acme-ORDERS-PO-7-M7.xml", bytes("<Order>7</Order>"));

        assertThat(h.earlier()).isFalse();
        assertThat(names(erp())).containsExactly("acme-ORDERS-PO-7-M7.xml");
        assertThat(h.file()).hasContent("<Order>7</Order>");
    }

    @Test
    void startsAgainWhenKilledWhileWritingTheHiddenFile() throws Exception {
        // what an earlier version left when killed while writing its hidden file first: half a hidden file, no marker
        Files.createDirectories(erp());
        Files.writeString(erp().resolve(".writing-M8"), "<Ord");

        IdempotentFileDrop.HandOff h = drop().deliver(erp(), "M8", "acme-ORDERS-PO-8-M8.xml", bytes("<Order>8</Order>"));

        assertThat(h.earlier()).isFalse();
        assertThat(names(erp())).containsExactly("acme-ORDERS-PO-8-M8.xml");
        assertThat(h.file()).hasContent("<Order>8</Order>");
    }

    @Test
    void startsAgainWhenKilledBeforeTheMarkerHeldAName() throws Exception {
        // a kill after step 1 or during step 2: the empty marker, maybe half a hidden file, no visible file
        Files.createDirectories(erp());
        Files.createDirectories(dir.resolve("deliveries/erp"));
        Files.createFile(dir.resolve("deliveries/erp/M9"));
        Files.writeString(erp().resolve(".writing-M9"), "<Ord");
        assertThat(drop().recordedName("M9")).isEmpty();

        IdempotentFileDrop.HandOff h = drop().deliver(erp(), "M9", "acme-ORDERS-PO-9-M9.xml", bytes("<Order>9</Order>"));

        assertThat(h.earlier()).isFalse();
        assertThat(names(erp())).containsExactly("acme-ORDERS-PO-9-M9.xml");
        assertThat(h.file()).hasContent("<Order>9</Order>");
        assertThat(drop().recordedName("M9")).contains("acme-ORDERS-PO-9-M9.xml");
        assertThat(drop().deliver(erp(), "M9", "acme-ORDERS-PO-9-M9.xml", bytes("<Order>9</Order>")).earlier()).isTrue();
    }

    @Test
    void anEmptyMarkerWithoutAHiddenFileIsNotAHandOff() throws Exception {
        // a kill right after step 1: had the marker been taken for a finished hand-off, the message would be lost
        Files.createDirectories(dir.resolve("deliveries/erp"));
        Files.createFile(dir.resolve("deliveries/erp/M10"));

        IdempotentFileDrop.HandOff h = drop().deliver(erp(), "M10", "acme-ORDERS-PO-10-M10.xml", bytes("<Order>10</Order>"));

        assertThat(h.earlier()).isFalse();
        assertThat(h.file()).hasContent("<Order>10</Order>");
        assertThat(names(erp())).containsExactly("acme-ORDERS-PO-10-M10.xml");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
