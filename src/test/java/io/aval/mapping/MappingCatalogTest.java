package io.aval.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mapping found by convention, and found again after its folder changes (mappings are edited without a restart). */
class MappingCatalogTest {

    @TempDir
    Path mappings;

    private Path ordersIn() throws Exception {
        return Files.createDirectories(mappings.resolve("edifact/orders-in"));
    }

    private static void age(Path folder) throws Exception {
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    }

    @Test
    void findsTheTypesMappingAndItsDocumentType() throws Exception {
        Files.writeString(ordersIn().resolve("to-ubl-order.xsl"), "<x/>");
        Files.writeString(ordersIn().resolve("notes.txt"), "not a mapping");

        MappingCatalog.Mapping m = new MappingCatalog(mappings).inbound("ORDERS").orElseThrow();

        assertThat(m.stylesheet()).isEqualTo(ordersIn().resolve("to-ubl-order.xsl").toAbsolutePath());
        assertThat(m.documentType()).isEqualTo("Order");
        assertThat(new MappingCatalog(mappings).inbound("DESADV")).isEmpty();
    }

    @Test
    void seesAMappingAddedOrRemovedWhileRunning() throws Exception {
        MappingCatalog catalog = new MappingCatalog(mappings);
        age(ordersIn());
        assertThat(catalog.inbound("ORDERS")).isEmpty();

        Files.writeString(ordersIn().resolve("to-ubl-order.xsl"), "<x/>"); // the folder's time moves on
        assertThat(catalog.inbound("ORDERS")).map(MappingCatalog.Mapping::documentType).contains("Order");
        age(ordersIn());
        assertThat(catalog.inbound("ORDERS")).isPresent();

        Files.delete(ordersIn().resolve("to-ubl-order.xsl"));
        assertThat(catalog.inbound("ORDERS")).isEmpty();
    }

    @Test
    void aDirectorysOwnMappingComesBeforeTheTypesMapping() throws Exception {
        Files.writeString(ordersIn().resolve("to-ubl-order.xsl"), "<x/>");
        Path d01b = Files.createDirectories(ordersIn().resolve("d01b"));
        Files.writeString(d01b.resolve("to-ubl-order.xsl"), "<x/>");

        MappingCatalog catalog = new MappingCatalog(mappings);

        assertThat(catalog.inbound("ORDERS", "D01B").orElseThrow().stylesheet()).isEqualTo(d01b.resolve("to-ubl-order.xsl").toAbsolutePath());
        assertThat(catalog.inbound("ORDERS", "D96A").orElseThrow().stylesheet()).isEqualTo(ordersIn().resolve("to-ubl-order.xsl").toAbsolutePath());
    }

    @Test
    void aDirectorysFolderAddedWhileRunningIsSeen() throws Exception {
        MappingCatalog catalog = new MappingCatalog(mappings);
        Files.writeString(ordersIn().resolve("to-ubl-order.xsl"), "<x/>");
        age(ordersIn());
        assertThat(catalog.inbound("ORDERS", "D01B").orElseThrow().stylesheet()).isEqualTo(ordersIn().resolve("to-ubl-order.xsl").toAbsolutePath());

        Path d01b = Files.createDirectories(ordersIn().resolve("d01b")); // the type's folder's time moves on
        Files.writeString(d01b.resolve("to-ubl-order.xsl"), "<x/>");

        assertThat(catalog.inbound("ORDERS", "D01B").orElseThrow().stylesheet()).isEqualTo(d01b.resolve("to-ubl-order.xsl").toAbsolutePath());
        assertThat(catalog.inbound("ORDERS", "D96A").orElseThrow().stylesheet()).isEqualTo(ordersIn().resolve("to-ubl-order.xsl").toAbsolutePath());
    }

    @Test
    void aFolderWhoseTimeDidNotChangeIsNotListedAgain() throws Exception {
        MappingCatalog catalog = new MappingCatalog(mappings);
        Files.writeString(ordersIn().resolve("to-ubl-order.xsl"), "<x/>");
        FileTime old = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(ordersIn(), old);
        assertThat(catalog.inbound("ORDERS")).isPresent();

        // removed behind the catalog's back with the folder's time put back: the catalog keeps what it listed
        Files.delete(ordersIn().resolve("to-ubl-order.xsl"));
        Files.setLastModifiedTime(ordersIn(), old);

        assertThat(catalog.inbound("ORDERS")).isPresent();
    }
}
