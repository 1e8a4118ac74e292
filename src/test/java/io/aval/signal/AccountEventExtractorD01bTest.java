package io.aval.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.smooks.Smooks;
import org.smooks.io.sink.DOMSink;
import org.smooks.io.source.ByteSource;
import org.w3c.dom.Document;

/** The extractor reads the D01B directory's tree (its own namespace and segment-group numbers) as it reads D96A. */
class AccountEventExtractorD01bTest {

    private static final String CONFIG = """
            <?xml version="1.0"?>
            <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                  xmlns:edifact="https://www.smooks.org/xsd/smooks/edifact-2.0.xsd">
              <edifact:parser schemaUri="/d01b/EDIFACT-Messages.dfdl.xsd">
                <edifact:messageTypes><edifact:messageType>ORDERS</edifact:messageType></edifact:messageTypes>
              </edifact:parser>
            </smooks-resource-list>
            """;

    @Test
    void readsD01bOrder() throws Exception {
        Smooks smooks = new Smooks(new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            DOMSink sink = new DOMSink(doc);
            smooks.filterSource(smooks.createExecutionContext(),
                    new ByteSource(AccountEventExtractorTest.sample("orders-d01b.edi").getBytes(StandardCharsets.ISO_8859_1)), sink);
            org.w3c.dom.Node n = sink.getNode();
            doc = n instanceof Document d ? d : n.getOwnerDocument();
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
        } finally {
            smooks.close();
        }
    }
}
