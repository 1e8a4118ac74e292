package io.aval.gateway;

import static io.aval.testing.Edifact.ACME;
import static io.aval.testing.Edifact.bytes;
import static io.aval.testing.Edifact.interchange;
import static io.aval.testing.Edifact.ordersBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.aval.journal.Journal;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole inbound pipeline on the real routes, broker and database: every bad input ends
 * quarantined (or DUPLICATE) with its own reason, nothing is lost, and the gateway keeps
 * delivering. Subclasses choose the database.
 */
abstract class AbstractPipelineIT {

    protected abstract Gateway gateway();

    protected abstract Path data();

    private Journal journal() {
        return gateway().journal();
    }

    /** Submits bytes as a transport would and waits until the pipeline has settled them. */
    private List<JournalEntry> process(byte[] raw, String name) {
        long id = gateway().submit(raw, "test", name, ProcessingMode.DELIVER);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> journal().pendingCount() == 0);
        return journal().entries(JournalQuery.all()).stream()
                .filter(e -> e.interchangeId().equals("I-" + id))
                .toList();
    }

    private static JournalEntry only(List<JournalEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void deliversSampleOrdersAsValidUblOrder() throws Exception {
        JournalEntry e = only(process(Files.readAllBytes(TestGateway.samples().resolve("orders-d96a.edi")), "orders-d96a.edi"));
        assertThat(e.status()).isEqualTo("DELIVERED");
        assertThat(e.partner()).isEqualTo("acme");
        assertThat(e.documentNumber()).isEqualTo("PO-2026-1187");
        assertThat(e.interchangeRef()).isEqualTo("ORD0000017");
        Path delivered = Path.of(e.deliveredTo());
        assertThat(delivered).startsWith(data().resolve("outbound/erp"));
        String xml = Files.readString(delivered, StandardCharsets.UTF_8);
        assertThat(new UblValidator().errors(xml, "Order")).isEmpty();
        assertThat(xml).contains("<cbc:ID>PO-2026-1187</cbc:ID>", "5412345000013", "Marie Dupont", "Joint torique 40mm",
                "<cbc:StartDate>2026-12-03</cbc:StartDate>");
    }

    @Test
    void sameInterchangeTwiceIsReportedDuplicateAndNotDeliveredAgain() throws Exception {
        String edi = interchange(ACME, "DUP0001", ordersBody("PO-DUP-1", "20261110", "4000862141404", 10));
        assertThat(only(process(bytes(edi), "first.edi")).status()).isEqualTo("DELIVERED");
        long files = countErpFiles();
        JournalEntry again = only(process(bytes(edi), "again.edi"));
        assertThat(again.status()).isEqualTo("DUPLICATE");
        assertThat(again.reason()).contains("DUP0001", "duplicate");
        assertThat(countErpFiles()).isEqualTo(files);
    }

    @Test
    void splitsMultiMessageInterchangeIntoOneUblOrderPerMessage() {
        String edi = interchange(ACME, "MULTI01",
                ordersBody("PO-M-1", "20261111", "4000862141404", 5),
                ordersBody("PO-M-2", "20261111", "4000862141411", 7),
                ordersBody("PO-M-3", "20261111", "4000862141404", 9));
        List<JournalEntry> entries = process(bytes(edi), "multi.edi");
        assertThat(entries).extracting(JournalEntry::status).containsOnly("DELIVERED").hasSize(3);
        assertThat(entries).extracting(JournalEntry::documentNumber).containsExactlyInAnyOrder("PO-M-1", "PO-M-2", "PO-M-3");
    }

    @Test
    void aMessageRejectedInTranslationLeavesTheRestOfItsBatchDelivered() {
        // the three messages travel as one translation batch; the second has a segment ORDERS D96A does not allow there
        String[] odd = ordersBody("PO-B-2", "20261112", "4000862141411", 7);
        odd[1] = odd[1] + "'XYZ+1";
        String edi = interchange(ACME, "BATCH01",
                ordersBody("PO-B-1", "20261112", "4000862141404", 5), odd,
                ordersBody("PO-B-3", "20261112", "4000862141404", 9)).replace("UNT+11+2", "UNT+12+2");
        List<JournalEntry> entries = process(bytes(edi), "batch.edi");
        assertThat(entries).extracting(JournalEntry::documentNumber, JournalEntry::status).containsExactlyInAnyOrder(
                tuple("PO-B-1", "DELIVERED"), tuple("PO-B-2", "QUARANTINED"), tuple("PO-B-3", "DELIVERED"));
        JournalEntry rejected = entries.stream().filter(e -> "PO-B-2".equals(e.documentNumber())).findFirst().orElseThrow();
        assertThat(rejected.reason()).contains("partner acme", "interchange BATCH01", "XYZ");
        assertThat(entries).filteredOn(e -> "DELIVERED".equals(e.status()))
                .allSatisfy(e -> assertThat(Path.of(e.deliveredTo())).exists());
        // the two delivered messages reached the signal tap, as one batch
        long interchangeId = Long.parseLong(entries.get(0).interchangeId().substring(2));
        assertThat(journal().messagesOf(interchangeId)).filteredOn(m -> m.status() == io.aval.journal.MessageStatus.DELIVERED)
                .hasSize(2).allSatisfy(m -> assertThat(m.tappedAt()).isNotNull());
    }

    /**
     * A batch's messages are translated side by side (aval.messages.batch-threads), yet the signal tap records them in
     * the interchange's order: the account's history, in the order it was written, follows the message ids.
     */
    @Test
    void theTapRecordsABatchInItsInterchangesOrderThoughItsMessagesAreTranslatedSideBySide() throws Exception {
        String[][] orders = new String[16][];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = ordersBody("PO-O-" + (i + 1), "20261114", i % 2 == 0 ? "4000862141404" : "4000862141411", 3 + i);
        }
        List<JournalEntry> entries = process(bytes(interchange(ACME, "ORDER01", orders)), "order.edi");
        assertThat(entries).extracting(JournalEntry::status).containsOnly("DELIVERED").hasSize(orders.length);
        long interchangeId = Long.parseLong(entries.get(0).interchangeId().substring(2));
        List<String> byMessageId = journal().messagesOf(interchangeId).stream()
                .sorted(java.util.Comparator.comparingLong(io.aval.journal.MessageRecord::id))
                .map(m -> "M-" + m.id()).toList();
        List<String> recorded = new java.util.ArrayList<>();
        try (java.sql.Connection c = gateway().database().dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("select journal_id from account_event where journal_id in ("
                     + String.join(",", java.util.Collections.nCopies(byMessageId.size(), "?")) + ") order by id")) {
            for (int i = 0; i < byMessageId.size(); i++) {
                ps.setString(i + 1, byMessageId.get(i));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getString(1));
                }
            }
        }
        assertThat(recorded).containsExactlyElementsOf(byMessageId);
    }

    /** A tap message queued by a version before batches (one event, its message id as a header) is still taken. */
    @Test
    void theTapStillTakesASingleEventQueuedBeforeBatches() {
        long interchange = journal().recordReceived(bytes(interchange(ACME, "LEGACY01",
                ordersBody("PO-L-1", "20261113", "4000862141404", 3))), "test", "legacy.edi", ProcessingMode.ARCHIVE);
        long message = journal().addMessage(new io.aval.journal.Journal.NewMessage(interchange, 1, "acme",
                io.aval.journal.Direction.INBOUND, "ORDERS", "D96A", "LEGACY01", "1", "PO-L-1", null,
                io.aval.journal.MessageStatus.DELIVERED, null, null));
        journal().settle(interchange, io.aval.journal.InterchangeStatus.ACCEPTED, null);
        io.aval.signal.AccountEvent event = new io.aval.signal.AccountEvent("ACME", java.time.LocalDate.of(2026, 11, 13),
                "ORDERS", io.aval.signal.Direction.INBOUND, "PO-L-1", "220", null, null, null, null, null, null, null, null, null,
                "M-" + message);
        gateway().camelContext().createProducerTemplate().sendBodyAndHeaders("jms:queue:aval.tap?disableReplyTo=true",
                event.toJson(), java.util.Map.of(AvalHeaders.MESSAGE_ID, message, AvalHeaders.STAGE, "message", "JMSXGroupID", "ACME"));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> journal().isTapped(message));
        assertThat(journal().message(message).tapNote()).startsWith("tapped");
    }

    @Test
    void quarantinesWrongUntCountNamingTheCount() throws Exception {
        JournalEntry e = only(process(Files.readAllBytes(TestGateway.samples().resolve("bad-segment-count.edi")), "bad-segment-count.edi"));
        assertThat(e.status()).isEqualTo("QUARANTINED");
        assertThat(e.reason()).contains("partner acme", "interchange ORD0000019", "UNT counts 99 segments", "has 8");
    }

    @Test
    void quarantinesUnknownSender() {
        String edi = interchange("9999999999999", "UNK0001", ordersBody("PO-U-1", "20261112", "4000862141404", 1));
        JournalEntry e = only(process(bytes(edi), "unknown.edi"));
        assertThat(e.status()).isEqualTo("QUARANTINED");
        assertThat(e.reason()).contains("unknown interchange sender", "9999999999999");
    }

    @Test
    void quarantinesUnzCountMismatch() {
        String edi = interchange(ACME, "UNZ0001", ordersBody("PO-Z-1", "20261112", "4000862141404", 1))
                .replace("UNZ+1+UNZ0001", "UNZ+2+UNZ0001");
        JournalEntry e = only(process(bytes(edi), "unz.edi"));
        assertThat(e.status()).isEqualTo("QUARANTINED");
        assertThat(e.reason()).contains("UNZ counts 2 messages, the interchange has 1");
    }

    @Test
    void quarantinesTruncatedEmptyBinaryAndNonEdifactEachWithItsOwnReason() {
        String good = interchange(ACME, "TRUNC01", ordersBody("PO-T-1", "20261112", "4000862141404", 1));
        assertThat(only(process(bytes(good.substring(0, good.length() / 2)), "truncated.edi")).reason())
                .contains("truncated");
        assertThat(only(process(new byte[0], "empty.edi")).reason()).contains("empty");
        assertThat(only(process(new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x01, (byte) 0xff}, "garbage.bin")).reason())
                .contains("binary content", "0x03");
        assertThat(only(process(bytes("Dear supplier, please send 10 flanges.\n"), "letter.txt")).reason())
                .contains("not an EDIFACT interchange", "Dear supplier");
        Stream.of("truncated.edi", "empty.edi", "garbage.bin", "letter.txt").forEach(name ->
                assertThat(journal().entries(JournalQuery.all())).anySatisfy(e -> {
                    assertThat(e.source()).isEqualTo(name);
                    assertThat(e.status()).isEqualTo("QUARANTINED");
                }));
        // and the gateway still delivers afterwards
        String after = interchange(ACME, "AFTER01", ordersBody("PO-A-1", "20261113", "4000862141404", 2));
        assertThat(only(process(bytes(after), "after.edi")).status()).isEqualTo("DELIVERED");
    }

    @Test
    void recordsSupplierDespatchAdviceAsOutboundWithoutSendingIt() throws Exception {
        JournalEntry e = only(process(Files.readAllBytes(TestGateway.samples().resolve("desadv-d96a.edi")), "desadv.edi"));
        assertThat(e.status()).isEqualTo("ARCHIVED");
        assertThat(e.direction().name()).isEqualTo("OUTBOUND");
        assertThat(e.messageType()).isEqualTo("DESADV");
    }

    @Test
    void supplierUblDocumentIsArchivedOnceThenDuplicate() throws Exception {
        byte[] ubl = Files.readAllBytes(TestGateway.samples().resolve("ubl/invoice-FA-2026-10022.xml"));
        JournalEntry first = only(process(ubl, "invoice.xml"));
        assertThat(first.status()).isEqualTo("ARCHIVED");
        assertThat(first.messageType()).isEqualTo("UBL:Invoice");
        assertThat(first.documentNumber()).isEqualTo("FA-2026-10022");
        assertThat(only(process(ubl, "invoice-again.xml")).status()).isEqualTo("DUPLICATE");
    }

    @Test
    void refusesXmlWithDoctypeAndKeepsIt() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Order>&x;</Order>";
        JournalEntry e = only(process(xxe.getBytes(StandardCharsets.UTF_8), "xxe.xml"));
        assertThat(e.status()).isEqualTo("QUARANTINED");
        assertThat(e.reason()).contains("xxe.xml").doesNotContain("root:");
    }

    @Test
    void erpInvoiceIsTranslatedToPartnerEdifactWithItsNextControlReference() throws Exception {
        // a document of its own: the sample invoice itself is recorded as history by another test
        String ubl = Files.readString(TestGateway.samples().resolve("ubl/invoice-FA-2026-10022.xml"), StandardCharsets.UTF_8)
                .replace("FA-2026-10022", "FA-2026-ERP01");
        Path tmp = data().resolve("inbound/erp/.invoice.tmp");
        Files.writeString(tmp, ubl, StandardCharsets.UTF_8);
        Files.move(tmp, data().resolve("inbound/erp/invoice-FA-2026-10022.xml"));
        await().atMost(Duration.ofMinutes(2)).until(() -> journal().entries(JournalQuery.all()).stream()
                .anyMatch(e -> "invoice-FA-2026-10022.xml".equals(e.source()) && "DELIVERED".equals(e.status())));
        JournalEntry e = journal().entries(JournalQuery.all()).stream()
                .filter(x -> "invoice-FA-2026-10022.xml".equals(x.source())).findFirst().orElseThrow();
        assertThat(e.direction().name()).isEqualTo("OUTBOUND");
        assertThat(e.messageType()).isEqualTo("INVOIC");
        assertThat(e.interchangeRef()).matches("\\d{14}");
        Path sent = Path.of(e.deliveredTo());
        assertThat(sent).startsWith(data().resolve("outbound/acme"));
        io.aval.edifact.CheckedInterchange back = new io.aval.edifact.EnvelopeChecker().check(Files.readAllBytes(sent));
        assertThat(back.findings()).isEmpty();
        assertThat(back.header().controlRef()).isEqualTo(e.interchangeRef());
        assertThat(back.header().recipientId()).isEqualTo(ACME);
        assertThat(back.messages()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("INVOIC");
            assertThat(m.documentNumber()).isEqualTo("FA-2026-ERP01");
            assertThat(m.findings()).isEmpty();
        });
    }

    @Test
    void tapTurnsArchivedCreditNoteIntoDisputeAndCompetitorSignals() throws Exception {
        JournalEntry e = only(process(Files.readAllBytes(TestGateway.samples().resolve("invoic-d96a-credit-note.edi")), "credit-note.edi"));
        assertThat(e.status()).isEqualTo("ARCHIVED");
        List<io.aval.signal.Signal> signals = new io.aval.signal.SignalStore(gateway().database().entityManagerFactory())
                .list("ACME", null).stream().filter(s -> "AV-2026-0042".equals(s.sourceDocument())).toList();
        assertThat(signals).extracting(io.aval.signal.Signal::type)
                .contains(io.aval.signal.SignalType.DISPUTE, io.aval.signal.SignalType.COMPETITOR_MENTION);
        assertThat(signals).allSatisfy(s -> assertThat(s.sourceJournalId()).isEqualTo(e.id()));
        // the same credit note again: a duplicate, and no second signal
        process(Files.readAllBytes(TestGateway.samples().resolve("invoic-d96a-credit-note.edi")), "credit-note-again.edi");
        assertThat(new io.aval.signal.SignalStore(gateway().database().entityManagerFactory()).list("ACME", null).stream()
                .filter(s -> "AV-2026-0042".equals(s.sourceDocument())).count()).isEqualTo(signals.size());
    }

    @Test
    void fileDroppedInInboundIsDeliveredAndArchived() throws Exception {
        String edi = interchange(ACME, "DROP0001", ordersBody("PO-DROP-1", "20261114", "4000862141404", 3));
        Path tmp = data().resolve("inbound/.drop.tmp");
        Files.writeString(tmp, edi, StandardCharsets.ISO_8859_1);
        Files.move(tmp, data().resolve("inbound/drop.edi"));
        await().atMost(Duration.ofMinutes(2)).until(() -> journal().entries(JournalQuery.all()).stream()
                .anyMatch(e -> "PO-DROP-1".equals(e.documentNumber()) && "DELIVERED".equals(e.status())));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(data().resolve("inbound/drop.edi")));
        try (Stream<Path> archived = Files.walk(data().resolve("archive/inbound"))) {
            assertThat(archived.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("drop.edi"));
        }
    }

    private long countErpFiles() throws Exception {
        try (Stream<Path> files = Files.list(data().resolve("outbound/erp"))) {
            return files.filter(p -> p.toString().endsWith(".xml")).count();
        }
    }
}
