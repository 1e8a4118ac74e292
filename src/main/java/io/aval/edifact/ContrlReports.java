package io.aval.edifact;

import io.aval.edifact.ContrlReport.Action;
import io.aval.edifact.ContrlReport.MessageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the envelope checks' verdict on a received interchange ({@link Finding}s with their interchange-level
 * segment positions) into the {@link ContrlReport} that {@link ContrlBuilder} writes: the 0085 code of each
 * {@link EdifactFinding}, findings on service segments as UCI/UCM 0135 (+ S011 where the element is known),
 * findings in a message body as UCS at the segment's position counted from UNH = 1.
 */
public final class ContrlReports {

    private ContrlReports() {
    }

    /** The whole interchange rejected (UCI 4) for {@code finding}; its messages fall with it, so no UCM. */
    public static ContrlReport rejection(InterchangeHeader h, Finding finding) {
        return new ContrlReport(h.senderId(), h.senderQualifier(), h.recipientId(), h.recipientQualifier(),
                h.controlRef(), h.syntaxId(), version(h), Action.REJECTED, List.of(convert(finding, null)), List.of());
    }

    /**
     * The interchange acknowledged (UCI 7); each message in {@code rejected} (by sequence number) gets a UCM 4
     * with its finding. With nothing rejected it is a plain acceptance without UCM.
     */
    public static ContrlReport verdict(InterchangeHeader h, List<MessageSlice> messages, Map<Integer, Finding> rejected) {
        List<MessageReport> reports = new ArrayList<>();
        for (MessageSlice m : messages) {
            Finding f = rejected.get(m.seq());
            if (f != null) {
                reports.add(new MessageReport(m.reference() == null || m.reference().isEmpty() ? String.valueOf(m.seq()) : m.reference(),
                        m.type(), m.version(), m.release(), m.agency(), m.associationCode(), Action.REJECTED,
                        List.of(convert(f, m))));
            }
        }
        return new ContrlReport(h.senderId(), h.senderQualifier(), h.recipientId(), h.recipientQualifier(),
                h.controlRef(), h.syntaxId(), version(h), Action.ACKNOWLEDGED, List.of(), reports);
    }

    /** One envelope finding as a CONTRL finding; {@code in} is the message it concerns, null for the interchange. */
    static ContrlReport.Finding convert(Finding f, MessageSlice in) {
        SyntaxErrorCode code = SyntaxErrorCode.fromCode(f.kind().syntaxErrorCode());
        String tag = f.segmentTag();
        Integer element = switch (f.kind()) {
            case UNKNOWN_SENDER -> 2;
            case UNKNOWN_RECIPIENT -> 3;
            case DUPLICATE_INTERCHANGE -> 5;
            case UNZ_REFERENCE_MISMATCH, UNT_REFERENCE_MISMATCH -> 2;
            case MESSAGE_TYPE_NOT_AGREED, DIRECTORY_NOT_SUPPORTED -> 2;
            default -> null;
        };
        if (tag != null && tag.startsWith("UN")) {
            return new ContrlReport.Finding(code, null, tag, element, null);
        }
        if (in != null && f.segmentPosition() >= in.firstSegment()) {
            return ContrlReport.Finding.inBody(code, f.segmentPosition() - in.firstSegment() + 1, tag, null, null);
        }
        return new ContrlReport.Finding(code, null, null, null, null);
    }

    private static int version(InterchangeHeader h) {
        try {
            return Integer.parseInt(h.syntaxVersion().trim());
        } catch (RuntimeException e) {
            return 3;
        }
    }
}
