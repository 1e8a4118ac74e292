package io.aval.edifact;

import io.aval.edifact.ContrlReport.Finding;
import io.aval.edifact.ContrlReport.MessageReport;
import io.aval.edifact.internal.InterchangeAssembler;
import io.aval.edifact.internal.Segment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the CONTRL (syntax and service report) for a {@link ContrlReport}, in its own interchange addressed back
 * to the sender of the acknowledged interchange and in that interchange's syntax version: UCI with the
 * interchange verdict, then per reported message a UCM and, for findings inside the message body, UCS
 * (segment position) and UCD (element position). CONTRL is not in the stock schema packs, so the segments
 * are built here directly from the service segment definitions, not through a mapping.
 *
 * <p>Message identifier: {@code CONTRL:D:3:UN} in syntax 3 and {@code CONTRL:4:1:UN} in syntax 4. The reply never
 * requests an acknowledgement itself.</p>
 */
public final class ContrlBuilder {

    private final Clock clock;
    private final String association;

    public ContrlBuilder() {
        this(Clock.systemUTC());
    }

    public ContrlBuilder(Clock clock) {
        this(clock, null);
    }

    /**
     * @param association UNH S009 0057 for partners whose guideline wants one, e.g. {@code EAN002} for EANCOM;
     *                    null writes none
     */
    public ContrlBuilder(Clock clock, String association) {
        this.clock = clock;
        this.association = association;
    }

    /**
     * The CONTRL interchange as bytes, enveloped for the partner: UNB sender/recipient are the acknowledged
     * interchange's recipient/sender and the syntax version is the acknowledged one; {@code partnerProfile}
     * supplies the charset, UNA, test indicator and the control reference (from the partner's sequence).
     */
    public byte[] build(ContrlReport report, EnvelopeProfile partnerProfile) {
        EnvelopeProfile reply = replyProfile(report, partnerProfile);
        return buildText(report, reply).getBytes(reply.charset().encoding());
    }

    /** {@link #build(ContrlReport, EnvelopeProfile)} with defaults: the acknowledged charset (UNOC if Aval cannot write it), UNA. */
    public byte[] build(ContrlReport report, String controlReference) {
        SyntaxCharset charset = SyntaxCharset.fromCode(report.syntaxIdentifier());
        if (charset == null || charset.minSyntaxVersion() > report.syntaxVersion()) {
            charset = SyntaxCharset.UNOC;
        }
        EnvelopeProfile defaults = new EnvelopeProfile(report.syntaxVersion() >= 4 ? 4 : 3, charset,
                CharsetPolicy.TRANSLITERATE, true, report.recipientId(), report.recipientQualifier(), report.senderId(),
                report.senderQualifier(), controlReference, false, false, null, EdifactDirectory.D96A);
        return build(report, defaults);
    }

    /** The CONTRL interchange as text for an already complete reply profile. */
    public String buildText(ContrlReport report, EnvelopeProfile reply) {
        return InterchangeAssembler.assemble(reply, LocalDateTime.now(clock),
                List.of(segments(report, reply.syntaxVersion(), association)));
    }

    private static EnvelopeProfile replyProfile(ContrlReport report, EnvelopeProfile p) {
        int version = report.syntaxVersion() >= 4 ? 4 : 3;
        SyntaxCharset charset = p.charset().minSyntaxVersion() <= version ? p.charset() : SyntaxCharset.UNOC;
        return new EnvelopeProfile(version, charset, p.charsetPolicy(), p.una(), report.recipientId(),
                report.recipientQualifier(), report.senderId(), report.senderQualifier(), p.controlReference(),
                p.testIndicator(), false, null, p.directory());
    }

    private static List<Segment> segments(ContrlReport report, int syntaxVersion, String association) {
        List<Segment> out = new ArrayList<>();
        out.add(Segment.of("UNH").element("1")
                .element("CONTRL", syntaxVersion >= 4 ? "4" : "D", syntaxVersion >= 4 ? "1" : "3", "UN", association).build());
        Finding top = report.findings().isEmpty() ? null : report.findings().get(0);
        Segment.Builder uci = Segment.of("UCI").element(report.interchangeReference())
                .element(report.senderId(), report.senderQualifier())
                .element(report.recipientId(), report.recipientQualifier())
                .element(report.action().code());
        errorElements(uci, top);
        out.add(uci.build());
        for (MessageReport m : report.messages()) {
            Finding headline = m.findings().stream().filter(f -> f.segmentPosition() == null).findFirst().orElse(null);
            Segment.Builder ucm = Segment.of("UCM").element(m.messageReference())
                    .element(m.messageType(), m.version(), m.release(), m.agency(), m.association())
                    .element(m.action().code());
            errorElements(ucm, headline);
            out.add(ucm.build());
            for (Finding f : m.findings()) {
                if (f.segmentPosition() == null) {
                    continue;
                }
                if (f.elementPosition() == null) {
                    out.add(Segment.of("UCS").element(f.segmentPosition().toString()).element(f.error().code()).build());
                } else {
                    out.add(Segment.of("UCS").element(f.segmentPosition().toString()).build());
                    out.add(Segment.of("UCD").element(f.error().code())
                            .element(f.elementPosition().toString(), f.componentPosition() == null ? null : f.componentPosition().toString())
                            .build());
                }
            }
        }
        return out;
    }

    /** 0085, 0135 and S011 of UCI/UCM for one finding (nothing when there is none). */
    private static void errorElements(Segment.Builder b, Finding f) {
        if (f == null) {
            return;
        }
        String tag = f.segmentTag() != null && f.segmentTag().startsWith("UN") ? f.segmentTag() : null;
        b.element(f.error().code()).element(tag);
        if (f.elementPosition() != null) {
            b.element(f.elementPosition().toString(), f.componentPosition() == null ? null : f.componentPosition().toString());
        }
    }
}
