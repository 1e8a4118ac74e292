package io.aval.edifact.fast.internal;

/**
 * A segment as lexed: its tag and its body still escaped (starting at the first data element separator).
 * Splitting the body needs the segment definition (a repeating field may use the data element separator as
 * repetition separator), so it is deferred to {@link SegmentSplitter}.
 */
public final class RawSegment {
    public final String tag;
    public final String body;
    /** 1-based position of the segment in the interchange, UNA not counted */
    public final int position;

    public RawSegment(String tag, String body, int position) {
        this.tag = tag;
        this.body = body;
        this.position = position;
    }

    @Override
    public String toString() {
        return tag + body;
    }
}
