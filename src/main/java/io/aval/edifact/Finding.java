package io.aval.edifact;

/**
 * One finding with where it was made: segment position (1-based in the interchange, 0 when it
 * concerns the file as a whole), segment tag, and a detail naming the values involved.
 */
public record Finding(EdifactFinding kind, int segmentPosition, String segmentTag, String detail) {

    public static Finding of(EdifactFinding kind, Segment at, String detail) {
        return new Finding(kind, at == null ? 0 : at.position(), at == null ? null : at.tag(), detail);
    }

    /** A sentence for the journal and the integration team. */
    public String describe() {
        StringBuilder s = new StringBuilder(kind.description());
        if (segmentPosition > 0) {
            s.append(" at segment ").append(segmentPosition);
            if (segmentTag != null && !segmentTag.isEmpty()) {
                s.append(" (").append(segmentTag).append(')');
            }
        }
        if (detail != null && !detail.isBlank()) {
            s.append(": ").append(detail);
        }
        return s.toString();
    }
}
