package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class UblAccountEventExtractorTest {

    private final UblAccountEventExtractor extractor = new UblAccountEventExtractor();

    private static Document ubl(String name) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = UblAccountEventExtractorTest.class.getResourceAsStream("/signal/samples/ubl/" + name)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    @Test
    void readsDespatchAdviceWithDeliveryAddressAndOrderReference() throws Exception {
        AccountEvent e = extractor.extract(ubl("despatch-DES-587502.xml"), "ACME", Direction.OUTBOUND, "J1");
        assertThat(e.messageType()).isEqualTo("DESADV");
        assertThat(e.documentCode()).isEqualTo("351");
        assertThat(e.documentNumber()).isEqualTo("DES-587502");
        assertThat(e.businessDate()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(e.reference("ON")).contains("PO-2026-1188");
        assertThat(e.requestedDelivery()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(e.deliveryParty().orElseThrow()).satisfies(p -> {
            assertThat(p.city()).isEqualTo("Milano");
            assertThat(p.country()).isEqualTo("IT");
        });
        assertThat(e.freeTexts()).containsExactly("Livraison partielle : reliquat sous 8 jours");
        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.productId()).isEqualTo("4000862141404");
            assertThat(l.quantity()).isEqualByComparingTo("800");
            assertThat(l.quantities().get("83")).isEqualByComparingTo("200");
        });
    }

    @Test
    void readsInvoiceAsInvoicWithEdifactCodes() throws Exception {
        AccountEvent e = extractor.extract(ubl("invoice-FA-2026-10022.xml"), "ACME", Direction.OUTBOUND, "J2");
        assertThat(e.messageType()).isEqualTo("INVOIC");
        assertThat(e.documentCode()).isEqualTo("380");
        assertThat(e.references()).containsEntry("ON", "PO-2026-1188").containsEntry("DQ", "DES-587502");
        assertThat(e.party("BY").orElseThrow().id()).isEqualTo("5412345000013");
        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.unitPrice()).isEqualByComparingTo("1.25");
            assertThat(l.lineAmount()).isEqualByComparingTo("1250");
            assertThat(l.sellerCode()).isEqualTo("ABC-123");
        });
        assertThat(e.totals().get("77")).isEqualByComparingTo("1500");
        assertThat(e.freeTexts()).singleElement().asString().contains("Remise 5 %");
    }
}
