package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The extractor reads the D01B directory's tree (its own namespace and segment-group numbers) as it reads D96A. */
class AccountEventExtractorD01bTest {

    @Test
    void readsD01bOrder() throws Exception {
        // the Aval reader (stock-identical XML, proven by the differential tests) spares a D01B schema compile
        String xml = io.aval.edifact.fast.EdifactXml.of(io.aval.edifact.fast.EdifactXml.Implementation.AVAL,
                io.aval.edifact.fast.EdifactXml.Directory.D01B).parse(
                AccountEventExtractorTest.sample("orders-d01b.edi").getBytes(StandardCharsets.ISO_8859_1));
        {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
            assertThat(doc.getDocumentElement().getNamespaceURI()).contains("D01B");
            AccountEvent e = new AccountEventExtractor().extractAll(doc, "ACME", Direction.INBOUND, "J").get(0);
            assertThat(e.documentNumber()).isEqualTo("PO-2026-2001");
            assertThat(e.businessDate()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(e.requestedDelivery()).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(e.deliveryParty().orElseThrow().city()).isEqualTo("Lyon");
            assertThat(e.contacts()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("Marie Dupont"));
            assertThat(e.lines()).singleElement().satisfies(l -> {
                assertThat(l.productId()).isEqualTo("4000862141404");
                assertThat(l.quantity()).isEqualByComparingTo("480");
                assertThat(l.unitPrice()).isEqualByComparingTo("1.25");
            });
        }
    }
}
