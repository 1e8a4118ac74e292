package io.aval.gateway;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.SUPPLIER;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aval.config.AvalConfig;
import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.ContrlBuilder;
import io.aval.edifact.ContrlReader;
import io.aval.edifact.ContrlReport;
import io.aval.edifact.EnvelopeChecker;
import io.aval.edifact.SyntaxErrorCode;
import io.aval.journal.Direction;
import io.aval.journal.JournalEntry;
import io.aval.journal.JournalQuery;
import io.aval.journal.ProcessingMode;
import io.aval.mapping.UblValidator;
import io.aval.testing.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flows of issue 4 on a real gateway (routes, Artemis, H2): CONTRL sent for the interchanges that ask for
 * one and read back from the partner's outbound folder; partners' CONTRL matched to what we sent (acknowledged,
 * rejected, unmatched) and an unanswered interchange reported OVERDUE; a customer's UBL Order and a D01B ORDERS
 * delivered to the ERP. Partners: {@code src/test/resources/gateway/partners-two-way.yaml}. Subclasses choose the
 * database.
 */
abstract class AbstractTwoWayFlowsIT {

    static final String BRICO = "3012345000016";
    static final String XMLCO = "7612345000012";

    protected abstract Gateway gateway();

    protected abstract Path data();

    /** The project's config/ with partners-two-way.yaml as partners.yaml, checking deadlines every 300 ms. */
    static AvalConfig twoWayConfig(Path data) throws java.io.IOException {
        Path config = AvalConfig.copyFolder(TestGateway.HOME.resolve("config"), data.resolve("config"));
        Files.copy(TestGateway.HOME.resolve("src/test/resources/gateway/partners-two-way.yaml"), config.resolve("partners.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return AvalConfig.load(config, data)
                .with("aval.routes", TestGateway.HOME.resolve("routes").toString())
                .with("aval.mappings", TestGateway.HOME.resolve("mappings").toString())
                .with("aval.contrl.overdue-check-ms", "300");
    }

    // ---- 1. CONTRL for partners' interchanges ----

    @Test
    void answersAnInterchangeWhoseUnbAsksWithAnAcceptanceSentToThePartner() throws Exception {
        String edi = askingForContrl(interchange(ACME, "ACK0001", ordersBody("PO-ACK-1", "20261120", "4000862141404", 4)), "ACK0001");
        List<JournalEntry> entries = process(bytes(edi), "ack.edi");
        assertThat(entries).singleElement().extracting(JournalEntry::status).isEqualTo("DELIVERED");

        JournalEntry sent = contrlSentFor("acme", "ACK0001");
        assertThat(sent.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(sent.status()).isEqualTo("DELIVERED");
        Path file = Path.of(sent.deliveredTo());
        assertThat(file).startsWith(data().resolve("outbound/acme"));
        byte[] contrl = Files.readAllBytes(file);

        CheckedInterchange envelope = new EnvelopeChecker().check(contrl);
        assertThat(envelope.findings()).isEmpty();
        assertThat(envelope.header().senderId()).isEqualTo(SUPPLIER);
        assertThat(envelope.header().recipientId()).isEqualTo(ACME);
        assertThat(envelope.header().syntax()).isEqualTo("UNOC:3");
        assertThat(envelope.header().controlRef()).matches("\\d{14}").isEqualTo(sent.interchangeRef());
        assertThat(envelope.header().acknowledgementRequested()).isFalse();
        ContrlReport report = new ContrlReader().read(contrl);
        assertThat(report.interchangeReference()).isEqualTo("ACK0001");
        assertThat(report.senderId()).isEqualTo(ACME);
        assertThat(report.recipientId()).isEqualTo(SUPPLIER);
        assertThat(report.action()).isEqualTo(ContrlReport.Action.ACKNOWLEDGED);
        assertThat(report.messages()).isEmpty();
    }

    @Test
    void sendsNoContrlWhenNeitherUnbNorProfileAsks() {
        String edi = interchange(ACME, "NOACK01", ordersBody("PO-NOACK-1", "20261120", "4000862141404", 4));
        assertThat(process(bytes(edi), "noack.edi")).singleElement().extracting(JournalEntry::status).isEqualTo("DELIVERED");
        assertThat(outboundContrls()).noneMatch(e -> "NOACK01".equals(e.documentNumber()));
    }

    @Test
    void rejectsAMessageWithAWrongSegmentCountForAPartnerWhoseProfileAsks() throws Exception {
        String edi = brico(ordersBody("PO-BR-2", "20261121", "4000862141404", 3), ordersBody("PO-BR-3", "20261121", "4000862141411", 1))
                .replace("UNT+11+2'", "UNT+99+2'");
        assertThat(edi).contains("UNT+99+2'");
        List<JournalEntry> entries = process(bytes(edi.replace("BRC", "BRC0002")), "brico.edi");
        assertThat(entries).extracting(JournalEntry::status).containsExactly("DELIVERED", "QUARANTINED");

        ContrlReport report = new ContrlReader().read(Files.readAllBytes(Path.of(contrlSentFor("bricoplus", "BRC0002").deliveredTo())));
        assertThat(report.action()).isEqualTo(ContrlReport.Action.ACKNOWLEDGED);
        assertThat(report.messages()).singleElement().satisfies(m -> {
            assertThat(m.messageReference()).isEqualTo("2");
            assertThat(m.messageType()).isEqualTo("ORDERS");
            assertThat(m.action()).isEqualTo(ContrlReport.Action.REJECTED);
            assertThat(m.findings()).singleElement().satisfies(f -> {
                assertThat(f.error()).isEqualTo(SyntaxErrorCode.CONTROL_COUNT_DOES_NOT_MATCH);
                assertThat(f.segmentTag()).isEqualTo("UNT");
            });
        });
    }

    @Test
    void answersASyntax4InterchangeInSyntax4WithThePartnersCharset() throws Exception {
        String edi = brico(ordersBody("PO-BR-4", "20261123", "4000862141404", 6))
                .replace("UNOC:3", "UNOW:4").replace("+261126:1200+BRC'", "+20261126:1200+BRC0004'").replace("UNZ+1+BRC'", "UNZ+1+BRC0004'")
                .replace("Acme Entrepot Lyon", "Entrepôt Lyon-Gerland");
        assertThat(process(edi.getBytes(StandardCharsets.UTF_8), "brico-v4.edi")).singleElement()
                .extracting(JournalEntry::status).isEqualTo("DELIVERED");

        byte[] contrl = Files.readAllBytes(Path.of(contrlSentFor("bricoplus", "BRC0004").deliveredTo()));
        CheckedInterchange envelope = new EnvelopeChecker().check(contrl);
        assertThat(envelope.findings()).isEmpty();
        assertThat(envelope.header().syntax()).isEqualTo("UNOW:4");
        assertThat(envelope.header().recipientId()).isEqualTo(BRICO);
        assertThat(new String(contrl, StandardCharsets.UTF_8)).contains("UNH+1+CONTRL:4:1:UN'");
        ContrlReport report = new ContrlReader().read(contrl);
        assertThat(report.syntaxVersion()).isEqualTo(4);
        assertThat(report.interchangeReference()).isEqualTo("BRC0004");
        assertThat(report.action()).isEqualTo(ContrlReport.Action.ACKNOWLEDGED);
    }

    @Test
    void rejectsADuplicateInterchangeAsAWholeWithCode26() throws Exception {
        String edi = askingForContrl(interchange(ACME, "DUPACK1", ordersBody("PO-DA-1", "20261122", "4000862141404", 1)), "DUPACK1");
        process(bytes(edi), "dup-1.edi");
        List<JournalEntry> again = process(bytes(edi), "dup-2.edi");
        assertThat(again).singleElement().extracting(JournalEntry::status).isEqualTo("DUPLICATE");

        List<ContrlReport> reports = outboundContrls().stream().filter(e -> "DUPACK1".equals(e.documentNumber()))
                .map(e -> new ContrlReader().read(read(Path.of(e.deliveredTo())))).toList();
        assertThat(reports).extracting(ContrlReport::action)
                .containsExactlyInAnyOrder(ContrlReport.Action.ACKNOWLEDGED, ContrlReport.Action.REJECTED);
        assertThat(reports).filteredOn(r -> r.action() == ContrlReport.Action.REJECTED).singleElement()
                .satisfies(r -> assertThat(r.findings()).singleElement().satisfies(f -> {
                    assertThat(f.error()).isEqualTo(SyntaxErrorCode.DUPLICATE_DETECTED);
                    assertThat(f.segmentTag()).isEqualTo("UNB");
                    assertThat(f.elementPosition()).isEqualTo(5);
                }));
    }

    // ---- 2. CONTRL from partners for what we sent ----

    @Test
    void partnerContrlAcknowledgesOneInvoiceAndRejectsAnother() throws Exception {
        String accepted = sendInvoice("FA-ACK-0001", ACME);
        String rejected = sendInvoice("FA-ACK-0002", ACME);

        // this one asks for a CONTRL in its UNB too: a CONTRL is never answered with a CONTRL
        byte[] yes = bytes(new String(new ContrlBuilder().build(ContrlReport.acceptance(SUPPLIER, "14", ACME, "14", accepted,
                "UNOC", 3), "C1"), StandardCharsets.ISO_8859_1).replace("+C1'UNH", "+C1++++1'UNH"));
        ContrlReport no = new ContrlReport(SUPPLIER, "14", ACME, "14", rejected, "UNOC", 3, ContrlReport.Action.ACKNOWLEDGED,
                List.of(), List.of(new ContrlReport.MessageReport("1", "INVOIC", "D", "96A", "UN", "EAN008",
                        ContrlReport.Action.REJECTED, List.of(ContrlReport.Finding.inBody(SyntaxErrorCode.INVALID_VALUE, 5, "DTM", 1, 2)))));
        assertThat(process(new ContrlBuilder().build(no, "C2") , "contrl-no.edi")).singleElement()
                .extracting(JournalEntry::status).isEqualTo("DELIVERED");
        assertThat(process(yes, "contrl-yes.edi")).singleElement().satisfies(e -> {
            assertThat(e.messageType()).isEqualTo("CONTRL");
            assertThat(e.status()).isEqualTo("DELIVERED");
            assertThat(e.deliveredTo()).contains("acknowledgement of interchange " + accepted);
        });

        assertThat(outbound("FA-ACK-0001").status()).isEqualTo("ACKNOWLEDGED");
        JournalEntry no2 = outbound("FA-ACK-0002");
        assertThat(no2.status()).isEqualTo("REJECTED");
        assertThat(no2.reason()).contains("partner acme rejected interchange " + rejected,
                "message 1 (INVOIC)", "12 invalid value at segment 5", "element 1 component 2");
        assertThat(gateway().journal().entries(new JournalQuery("REJECTED", "acme", Direction.OUTBOUND)))
                .extracting(JournalEntry::documentNumber).contains("FA-ACK-0002").doesNotContain("FA-ACK-0001");
        assertThat(outboundContrls()).noneMatch(e -> "C1".equals(e.documentNumber()) || "C2".equals(e.documentNumber()));
    }

    @Test
    void contrlForAnInterchangeNeverSentIsQuarantinedWithTheReference() {
        byte[] stray = new ContrlBuilder().build(ContrlReport.acceptance(SUPPLIER, "14", ACME, "14", "99999999999999", "UNOC", 3), "C9");
        assertThat(process(stray, "stray.edi")).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.reason()).contains("partner acme", "99999999999999", "never sent");
        });
    }

    @Test
    void interchangeWithoutContrlWithinTheDeadlineIsOverdue() throws Exception {
        String reference = sendInvoice("FA-LATE-0001", BRICO);
        assertThat(outbound("FA-LATE-0001").interchangeRef()).isEqualTo(reference);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "OVERDUE".equals(outbound("FA-LATE-0001").status()));
        assertThat(gateway().journal().entries(new JournalQuery("OVERDUE", null, null))).singleElement().satisfies(e -> {
            assertThat(e.documentNumber()).isEqualTo("FA-LATE-0001");
            assertThat(e.reason()).contains("no CONTRL from partner bricoplus", reference);
        });
        // the UNOW partner got a syntax 4 interchange asking for the CONTRL
        CheckedInterchange sent = new EnvelopeChecker().check(read(Path.of(outbound("FA-LATE-0001").deliveredTo())));
        assertThat(sent.header().syntax()).isEqualTo("UNOW:4");
        assertThat(sent.header().acknowledgementRequested()).isTrue();
    }

    // ---- 3. UBL Order from an XML customer ----

    @Test
    void ublOrderFromAnXmlCustomerIsDeliveredToTheErp() throws Exception {
        String order = ublOrder("PO-XML-0001", XMLCO);
        JournalEntry e = only(process(order.getBytes(StandardCharsets.UTF_8), "order.xml"));
        assertThat(e.status()).isEqualTo("DELIVERED");
        assertThat(e.partner()).isEqualTo("xmlco");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
        assertThat(e.messageType()).isEqualTo("UBL:Order");
        assertThat(e.documentNumber()).isEqualTo("PO-XML-0001");
        Path delivered = Path.of(e.deliveredTo());
        assertThat(delivered).startsWith(data().resolve("outbound/erp"));
        String xml = Files.readString(delivered, StandardCharsets.UTF_8);
        assertThat(new UblValidator().errors(xml, "Order")).isEmpty();
        assertThat(xml).contains("<cbc:ID>PO-XML-0001</cbc:ID>", XMLCO, "Joint torique 40mm");
        assertThat(only(process(order.getBytes(StandardCharsets.UTF_8), "order-again.xml")).status()).isEqualTo("DUPLICATE");
    }

    @Test
    void invalidOrUnknownUblOrdersAreQuarantinedWithTheirReason() throws Exception {
        String invalid = ublOrder("PO-XML-BAD", XMLCO).replaceFirst("<cbc:IssueDate>[^<]*</cbc:IssueDate>", "");
        JournalEntry bad = only(process(invalid.getBytes(StandardCharsets.UTF_8), "bad.xml"));
        assertThat(bad.status()).isEqualTo("QUARANTINED");
        assertThat(bad.reason()).contains("partner xmlco", "UBL Order PO-XML-BAD", "not valid UBL 2.1");
        // re-run from quarantine, it goes back to the customer-order flow (checked again), not to the archive
        Reprocessor.Outcome rerun = new Reprocessor(gateway()).reprocess(bad.id(), "test", "is it valid now?", Duration.ofMinutes(1));
        assertThat(rerun.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("QUARANTINED");
            assertThat(r.detail()).contains("not valid UBL 2.1");
        });
        String stranger = ublOrder("PO-XML-UNK", "9990000000001");
        assertThat(only(process(stranger.getBytes(StandardCharsets.UTF_8), "stranger.xml"))).satisfies(e -> {
            assertThat(e.status()).isEqualTo("QUARANTINED");
            assertThat(e.reason()).contains("UBL Order PO-XML-UNK", "9990000000001", "no partner profile");
        });
    }

    // ---- 4. D01B ORDERS through the file drop ----

    @Test
    void d01bOrdersDroppedAsAFileIsDeliveredAsUblOrder() throws Exception {
        String edi = Files.readString(TestGateway.HOME.resolve("src/test/resources/edifact/orders-in/ok-d01b-eancom.edi"),
                StandardCharsets.ISO_8859_1).replace("ORD01B0001", "ORD01BDROP");
        Path tmp = data().resolve("inbound/.d01b.tmp");
        Files.writeString(tmp, edi, StandardCharsets.ISO_8859_1);
        Files.move(tmp, data().resolve("inbound/orders-d01b.edi"));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> gateway().journal()
                .entries(JournalQuery.all()).stream().anyMatch(x -> isSettledMessageOf(x, "ORD01BDROP")));
        JournalEntry e = gateway().journal().entries(JournalQuery.all()).stream()
                .filter(x -> isSettledMessageOf(x, "ORD01BDROP")).findFirst().orElseThrow();
        assertThat(e.status()).as(e.reason()).isEqualTo("DELIVERED");
        assertThat(e.documentNumber()).isEqualTo("PO-2026-01B7");
        String xml = Files.readString(Path.of(e.deliveredTo()), StandardCharsets.UTF_8);
        assertThat(new UblValidator().errors(xml, "Order")).isEmpty();
        assertThat(xml).contains("<cbc:ID>PO-2026-01B7</cbc:ID>", "<cbc:IssueDate>2026-11-27</cbc:IssueDate>",
                "<cbc:Quantity>120</cbc:Quantity>", "<cbc:Quantity>12</cbc:Quantity>", ">7.25</cbc:PriceAmount>",
                ">243.00</cbc:PayableAmount>", "Paul Martin", "Quai 2: livrer avant 10h", "<cbc:StartDate>2026-12-04</cbc:StartDate>");
    }

    // ---- helpers ----

    /** A message (not its interchange) of the interchange {@code ref} that left ACCEPTED. */
    private boolean isSettledMessageOf(JournalEntry e, String ref) {
        return e.id().startsWith("M-") && ref.equals(e.interchangeRef()) && !"ACCEPTED".equals(e.status());
    }

    private List<JournalEntry> process(byte[] raw, String name) {
        return process(raw, name, "test");
    }

    private List<JournalEntry> process(byte[] raw, String name, String transport) {
        long id = gateway().submit(raw, transport, name, ProcessingMode.DELIVER);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> gateway().journal().pendingCount() == 0);
        return gateway().journal().entries(JournalQuery.all()).stream().filter(e -> e.interchangeId().equals("I-" + id)).toList();
    }

    private JournalEntry only(List<JournalEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    /** UNB 0031 = 1: the interchange asks for a CONTRL. */
    private String askingForContrl(String edi, String ref) {
        return edi.replace("+" + ref + "'UNH", "+" + ref + "++++1'UNH");
    }

    /** An interchange from Brico Plus (no UNB request: its profile asks for a CONTRL), reference BRC. */
    private String brico(String[]... messages) {
        return interchange(BRICO, "BRC", messages);
    }

    private List<JournalEntry> outboundContrls() {
        return gateway().journal().entries(new JournalQuery(null, null, Direction.OUTBOUND)).stream()
                .filter(e -> "CONTRL".equals(e.messageType())).toList();
    }

    private JournalEntry contrlSentFor(String partner, String acknowledgedRef) {
        return outboundContrls().stream()
                .filter(e -> partner.equals(e.partner()) && acknowledgedRef.equals(e.documentNumber()))
                .findFirst().orElseThrow(() -> new AssertionError("no CONTRL sent to " + partner + " for " + acknowledgedRef));
    }

    private JournalEntry outbound(String document) {
        return gateway().journal().entries(new JournalQuery(null, null, Direction.OUTBOUND)).stream()
                .filter(e -> document.equals(e.documentNumber())).findFirst().orElseThrow();
    }

    /** The ERP sends the sample invoice under a new number to {@code buyer}; returns its interchange reference. */
    private String sendInvoice(String number, String buyer) throws Exception {
        String ubl = Files.readString(TestGateway.samples().resolve("ubl/invoice-FA-2026-10022.xml"), StandardCharsets.UTF_8)
                .replace("FA-2026-10022", number).replace(ACME, buyer);
        JournalEntry sent = only(process(ubl.getBytes(StandardCharsets.UTF_8), number + ".xml", "erp"));
        assertThat(sent.status()).as(sent.reason()).isEqualTo("DELIVERED");
        assertThat(sent.messageType()).isEqualTo("INVOIC");
        return sent.interchangeRef();
    }

    /** The ERP order the EDIFACT sample maps to, as a customer would send it itself. */
    private String ublOrder(String number, String buyer) throws Exception {
        return Files.readString(TestGateway.HOME.resolve("src/test/resources/edifact/orders-in/ok-sample-eancom.expected-ubl.xml"),
                StandardCharsets.UTF_8).replace("PO-2026-1187", number).replace(ACME, buyer);
    }

    private byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
