package io.aval.gateway;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.aval.journal.ProcessingMode;
import io.aval.testing.TestGateway;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code routes/inbound-edifact-messages.camel.yaml}, reading with the stock Smooks
 * reader, with its ERP file endpoint advised to a mock: what the route hands the ERP is a validated UBL Order with the headers the
 * delivery step needs, and a rejected message never reaches it.
 */
class InboundEdifactMessagesRouteTest {

    @TempDir
    static Path data;

    static Gateway gateway;
    static CamelContext context;

    @BeforeAll
    static void start() throws Exception {
        // the stock Smooks edifact:parser here, the Aval reader in the pipeline ITs: both paths run end to end
        gateway = TestGateway.start(TestGateway.configWithReader(data, "stock"));
        context = gateway.camelContext();
        AdviceWith.adviceWith(context, "inbound-edifact-messages", a -> {
            a.weaveById("erp-write").replace()
                    .setHeader("CamelFileName").method("erpDelivery", "fileName")
                    .to("mock:erp");
        });
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void handsTheErpOneValidatedUblOrderPerMessage() throws Exception {
        MockEndpoint erp = context.getEndpoint("mock:erp", MockEndpoint.class);
        erp.reset();
        erp.expectedMessageCount(2);
        // the interchange's two messages are one translation batch: one exchange of the route
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("inbound-edifact-messages").whenDone(1).create();
        gateway.submit(bytes(interchange(ACME, "ROUTE01",
                ordersBody("PO-R-1", "20261120", "4000862141404", 4),
                ordersBody("PO-R-2", "20261120", "4000862141411", 6))), "test", "route.edi", ProcessingMode.DELIVER);
        assertThat(done.matches(3, TimeUnit.MINUTES)).isTrue();
        erp.assertIsSatisfied();
        assertThat(erp.getExchanges()).allSatisfy(x -> {
            assertThat(x.getMessage().getBody(String.class)).contains("urn:oasis:names:specification:ubl:schema:xsd:Order-2");
            assertThat(x.getMessage().getHeader("CamelFileName", String.class)).matches("acme-ORDERS-PO-R-[12]-M\\d+\\.xml");
            assertThat(x.getMessage().getHeader(AvalHeaders.DOCUMENT_TYPE)).isEqualTo("Order");
        });
    }

    @Test
    void rejectedMessageNeverReachesTheErp() throws Exception {
        MockEndpoint erp = context.getEndpoint("mock:erp", MockEndpoint.class);
        erp.reset();
        erp.expectedMessageCount(0);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("inbound-interchange").whenDone(1).create();
        // a message type the partner has no agreement for never leaves the interchange stage
        String desadv = interchange(ACME, "ROUTE02", ordersBody("PO-R-3", "20261120", "4000862141404", 1))
                .replace("ORDERS:D:96A", "DESADV:D:96A");
        long id = gateway.submit(bytes(desadv), "test", "desadv.edi", ProcessingMode.DELIVER);
        assertThat(done.matches(2, TimeUnit.MINUTES)).isTrue();
        erp.assertIsSatisfied();
        assertThat(gateway.journal().messagesOf(id)).singleElement()
                .satisfies(m -> assertThat(m.reason()).contains("DESADV is not among the types partner acme may send"));
    }
}
