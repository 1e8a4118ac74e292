package io.aval.edifact;

import io.aval.edifact.internal.CharacterRepertoire;
import io.aval.edifact.internal.InterchangeAssembler;
import io.aval.edifact.internal.MessageXmlReader;
import io.aval.edifact.internal.Segment;
import org.w3c.dom.Node;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an EDIFACT interchange from one or more messages in the stock reader's XML shape (what the
 * outbound mappings produce), enveloped for one partner. The bytes parse back with the stock
 * {@code edifact:parser}; the writer itself needs no DFDL compile, only the schema pack's segment
 * layouts (read once per directory, in milliseconds), and is thread-safe.
 *
 * <p>UNH 0062 is renumbered 1..n and UNT/UNZ are computed, whatever the message XML says, so a mapping
 * cannot produce wrong counts.</p>
 */
public final class InterchangeWriter {

    private final Clock clock;

    /** Stamps UNB with the current UTC date and time. */
    public InterchangeWriter() {
        this(Clock.systemUTC());
    }

    /** Stamps UNB from {@code clock} (in the clock's zone): tests and replays pass a fixed clock. */
    public InterchangeWriter(Clock clock) {
        this.clock = clock;
    }

    /** The interchange as bytes in the profile's charset encoding (UNOC: ISO-8859-1, UNOW/UNOY: UTF-8, …). */
    public byte[] write(EnvelopeProfile profile, List<? extends Node> messages) {
        return writeText(profile, messages).getBytes(profile.charset().encoding());
    }

    public byte[] write(EnvelopeProfile profile, Node... messages) {
        return write(profile, List.of(messages));
    }

    /** The interchange as text, before encoding (for logs and tests). */
    public String writeText(EnvelopeProfile profile, List<? extends Node> messages) {
        return prepare(profile, messages).text(profile.controlReference());
    }

    /**
     * Checks and converts the messages (schema positions, character set) without a control reference yet, so that
     * the caller allocates a reference only for an interchange that will really be sent: no gaps in the partner's
     * sequence because of a mapping error.
     */
    public Prepared prepare(EnvelopeProfile profile, List<? extends Node> messages) {
        if (messages.isEmpty()) {
            throw new TranslationException(TranslationException.Failure.INVALID_MESSAGE_XML,
                    "an interchange needs at least one message", profile.controlReference(), profile.recipientId());
        }
        MessageXmlReader reader = new MessageXmlReader(new CharacterRepertoire(profile.charset(), profile.charsetPolicy()));
        List<List<Segment>> segments = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try {
            for (Node message : messages) {
                reader.read(message).forEach(m -> {
                    segments.add(m.segments());
                    types.add(m.messageType());
                });
            }
        } catch (TranslationException e) {
            throw new TranslationException(e.failure(), e.getMessage().substring(e.failure().name().length() + 2),
                    profile.controlReference(), profile.recipientId(), e);
        }
        return new Prepared(profile, List.copyOf(segments), List.copyOf(types));
    }

    /** Messages checked and converted for one partner, waiting for their interchange control reference. */
    public final class Prepared {
        private final EnvelopeProfile profile;
        private final List<List<Segment>> segments;
        private final List<String> messageTypes;

        private Prepared(EnvelopeProfile profile, List<List<Segment>> segments, List<String> messageTypes) {
            this.profile = profile;
            this.segments = segments;
            this.messageTypes = messageTypes;
        }

        /** UNH 0065 of each message, in order (for the journal). */
        public List<String> messageTypes() {
            return messageTypes;
        }

        /** The interchange bytes with UNB/UNZ 0020 = {@code controlReference}. */
        public byte[] write(String controlReference) {
            return text(controlReference).getBytes(profile.charset().encoding());
        }

        String text(String controlReference) {
            return InterchangeAssembler.assemble(profile.withControlReference(controlReference), LocalDateTime.now(clock), segments);
        }
    }
}
