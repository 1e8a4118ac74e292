package io.aval.transport.internal;

import io.aval.edifact.CheckedInterchange;
import io.aval.edifact.EnvelopeChecker;
import io.aval.edifact.InterchangeHeader;
import io.aval.gateway.Gateway;
import io.aval.journal.InterchangeStatus;
import io.aval.journal.Journal;
import io.aval.journal.ProcessingMode;
import io.aval.partner.Partner;
import io.aval.partner.PartnerDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What every authenticated transport does with a submitted interchange: it enters the pipeline
 * only when the partner who logged in is its UNB sender. Anything else is journaled as a
 * refusal (QUARANTINED, with both identities in the reason) and never reaches the broker, so a
 * partner cannot send in another partner's name.
 */
public final class PartnerSubmission {

    /** The answer to a submission: its journal id, and the reason when it was refused. */
    public record Outcome(long journalId, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }

        public String journalRef() {
            return "I-" + journalId;
        }
    }

    private final Gateway gateway;
    private final PartnerDirectory partners;
    private final EnvelopeChecker checker = new EnvelopeChecker();

    public PartnerSubmission(Gateway gateway, PartnerDirectory partners) {
        this.gateway = gateway;
        this.partners = partners;
    }

    public Outcome submit(Partner caller, byte[] raw, String transport, String sourceName) {
        String refusal = refusal(caller, raw);
        if (refusal == null) {
            return new Outcome(gateway.submit(raw, transport, sourceName, ProcessingMode.DELIVER), null);
        }
        return refuse(caller, raw, transport, sourceName, refusal);
    }

    /**
     * Journals bytes a transport refused before they could enter the pipeline (QUARANTINED, with
     * the reason), so that nothing received is lost; {@code caller} is null when the transport
     * could not tell who sent them.
     */
    public Outcome refuse(Partner caller, byte[] raw, String transport, String sourceName, String refusal) {
        long id = gateway.journal().recordReceived(raw, transport, sourceName, ProcessingMode.DELIVER);
        return refused(id, caller, raw, transport, refusal);
    }

    /** The first bytes of a streamed submission: its UNB, when it has one, lies in them. */
    private static final int HEAD_BYTES = 4096;

    /**
     * As {@link #submit(Partner, byte[], String, String)} for a stream that may be larger than memory (an
     * SFTP download): the sender is read from its first bytes, and the stream goes to the journal as it is read.
     */
    public Outcome submit(Partner caller, InputStream raw, String transport, String sourceName) {
        try (PushbackInputStream in = new PushbackInputStream(raw, HEAD_BYTES)) {
            byte[] head = in.readNBytes(HEAD_BYTES);
            in.unread(head);
            String refusal = refusal(caller, head);
            if (refusal == null) {
                return new Outcome(gateway.submit(in, transport, sourceName, ProcessingMode.DELIVER), null);
            }
            long id = gateway.journal().recordReceived(in, transport, sourceName, ProcessingMode.DELIVER);
            return refused(id, caller, head, transport, refusal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName + " from " + transport, e);
        }
    }

    /** Describes and quarantines a journaled refusal; {@code head} is all or the first bytes of what was sent. */
    private Outcome refused(long id, Partner caller, byte[] head, String transport, String refusal) {
        Journal journal = gateway.journal();
        InterchangeHeader h = header(head).orElse(null);
        journal.describe(id, new Journal.Envelope(null, caller == null ? null : caller.id(), h == null ? null : h.senderId(),
                h == null ? null : h.senderQualifier(), h == null ? null : h.recipientId(),
                h == null ? null : h.recipientQualifier(), h == null ? null : h.controlRef(),
                h == null ? null : h.syntax(), null));
        String reason = "refused on " + transport + ": " + refusal;
        journal.settle(id, InterchangeStatus.QUARANTINED, reason);
        return new Outcome(id, reason);
    }

    /** Null when the caller may send these bytes, else why not (naming both identities). */
    String refusal(Partner caller, byte[] raw) {
        Optional<InterchangeHeader> header = header(raw);
        if (header.isEmpty()) {
            CheckedInterchange checked = checker.check(raw);
            return "authenticated as partner " + caller.id() + ", but the interchange's UNB sender cannot be read ("
                    + checked.firstFinding().map(f -> f.describe()).orElse("no UNB") + ")";
        }
        InterchangeHeader h = header.get();
        Optional<Partner> sender = partners.byIdentity(h.senderId(), h.senderQualifier());
        if (sender.isPresent() && sender.get().id().equals(caller.id())) {
            return null;
        }
        String who = h.senderId() + (h.senderQualifier() == null || h.senderQualifier().isBlank() ? "" : ":" + h.senderQualifier());
        return "authenticated as partner " + caller.id() + ", but the interchange's UNB sender is " + who
                + sender.map(p -> " (partner " + p.id() + ")")
                        .orElse(partners.isSupplier(h.senderId(), h.senderQualifier()) ? " (the supplier itself)" : " (no known partner)");
    }

    /** The UNB of the bytes, when the envelope is readable that far. */
    public Optional<InterchangeHeader> header(byte[] raw) {
        if (raw == null || !EnvelopeChecker.looksLikeEdifact(raw)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(checker.check(raw).header());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
