package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AccountEventExtractorTest {

    private final AccountEventExtractor extractor = new AccountEventExtractor();

    static String sample(String name) {
        try (InputStream in = AccountEventExtractorTest.class.getResourceAsStream("/signal/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private AccountEvent one(String sample, Direction direction) {
        var doc = EdifactFixtureParser.parse(sample(sample));
        var events = extractor.extractAll(doc, "ACME", direction, "J-" + sample);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void readsOrderHeaderPartiesContactsAndLines() {
        AccountEvent e = one("orders-d96a.edi", Direction.INBOUND);
        assertThat(e.messageType()).isEqualTo("ORDERS");
        assertThat(e.documentNumber()).isEqualTo("PO-2026-1187");
        assertThat(e.documentCode()).isEqualTo("220");
        assertThat(e.businessDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(e.requestedDelivery()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(e.references()).containsEntry("CT", "CONTRAT-2025-077");
        assertThat(e.freeTexts()).containsExactly("Livraison quai 4, prise de RDV obligatoire");
        assertThat(e.journalId()).isEqualTo("J-orders-d96a.edi");
        var dp = e.deliveryParty().orElseThrow();
        assertThat(dp.id()).isEqualTo("5412345000099");
        assertThat(dp.name()).isEqualTo("Acme Entrepot Lyon");
        assertThat(dp.street()).isEqualTo("12 rue des Docks");
        assertThat(dp.city()).isEqualTo("Lyon");
        assertThat(dp.postcode()).isEqualTo("69007");
        assertThat(dp.country()).isEqualTo("FR");
        assertThat(e.contacts()).singleElement().satisfies(c -> {
            assertThat(c.partyQualifier()).isEqualTo("BY");
            assertThat(c.name()).isEqualTo("Marie Dupont");
            assertThat(c.communications()).containsExactly("marie.dupont@acme.example");
        });
        assertThat(e.lines()).hasSize(2);
        var l1 = e.lines().get(0);
        assertThat(l1.productId()).isEqualTo("4000862141404");
        assertThat(l1.sellerCode()).isEqualTo("ABC-123");
        assertThat(l1.description()).isEqualTo("Joint torique 40mm");
        assertThat(l1.quantity()).isEqualByComparingTo("480");
        assertThat(l1.unitPrice()).isEqualByComparingTo("1.25");
        assertThat(e.linesValue()).isEqualByComparingTo(new BigDecimal("770.40"));
    }

    @Test
    void readsOrderWithoutUnaAndWithReleaseCharacters() {
        AccountEvent e = one("orders-d96a-no-una-release.edi", Direction.INBOUND);
        assertThat(e.freeTexts()).singleElement().asString()
                .isEqualTo("URGENT: client en rupture+ livrer avant 8h, l'entrepot ferme a 17h");
        assertThat(e.deliveryParty().orElseThrow().country()).isEqualTo("IT");
        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.productId()).isEqualTo("ABC-123");
            assertThat(l.sellerCode()).isEqualTo("ABC-123");
        });
    }

    @Test
    void readsDespatchLinesUnderPackagingGroupsAndOrderReference() {
        AccountEvent e = one("desadv-d96a.edi", Direction.OUTBOUND);
        assertThat(e.documentCode()).isEqualTo("351");
        assertThat(e.reference("ON")).contains("PO-2026-1187");
        assertThat(e.dates()).containsEntry("11", LocalDate.of(2026, 11, 28))
                .containsEntry("132", LocalDate.of(2026, 11, 29));
        assertThat(e.lines()).extracting(AccountEvent.Line::quantity)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("480"), new BigDecimal("20"));
    }

    @Test
    void readsInvoicePricesAmountsAndTotals() {
        AccountEvent e = one("invoic-d96a.edi", Direction.OUTBOUND);
        assertThat(e.reference("ON")).contains("PO-2026-1187");
        assertThat(e.reference("DQ")).contains("DES-587441");
        assertThat(e.references()).doesNotContainKey("VA");
        assertThat(e.lines().get(1).unitPrice()).isEqualByComparingTo("7.50");
        assertThat(e.lines().get(1).lineAmount()).isEqualByComparingTo("150");
        assertThat(e.totals().get("77")).isEqualByComparingTo("900");
    }

    @Test
    void readsCreditNote() {
        AccountEvent e = one("invoic-d96a-credit-note.edi", Direction.OUTBOUND);
        assertThat(e.documentCode()).isEqualTo("381");
        assertThat(e.reference("IV")).contains("FA-2026-10021");
        assertThat(e.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("20"));
        assertThat(e.freeTexts()).singleElement().asString().contains("Concurrent Inox");
    }
}
