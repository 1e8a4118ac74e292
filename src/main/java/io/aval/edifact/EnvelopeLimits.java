package io.aval.edifact;

/**
 * How much of one interchange the envelope checks will look at before refusing it, so that a
 * hostile or broken file (one endless segment, a message of millions of segments, a file far
 * larger than any real interchange) is quarantined early with its own finding instead of filling
 * memory further down the pipeline. Set in {@code config/application.properties} as
 * {@code aval.limits.max-interchange-bytes}, {@code aval.limits.max-segment-bytes} and
 * {@code aval.limits.max-message-segments}.
 *
 * @param maxInterchangeBytes the largest interchange (raw bytes) the gateway reads
 * @param maxSegmentBytes     the longest segment, in characters once decoded (bytes for UNOA to UNOF)
 * @param maxMessageSegments  the most segments in one message, UNH and UNT included; UNT's count
 *                            (0074, n..6) cannot say more than 999999
 */
public record EnvelopeLimits(long maxInterchangeBytes, int maxSegmentBytes, int maxMessageSegments) {

    /** 512 MiB (interchanges are streamed, a message at a time), 64 KiB per segment, the 999999 segments a UNT can count. */
    public static final EnvelopeLimits DEFAULT = new EnvelopeLimits(512L * 1024 * 1024, 64 * 1024, 999_999);

    /** Character offsets in an interchange are ints: the checks cannot walk more than this. */
    public static final long MOST_INTERCHANGE_BYTES = Integer.MAX_VALUE - 1024;

    public EnvelopeLimits {
        if (maxInterchangeBytes > MOST_INTERCHANGE_BYTES) {
            throw new IllegalArgumentException("aval.limits.max-interchange-bytes may be at most " + MOST_INTERCHANGE_BYTES
                    + ", not " + maxInterchangeBytes);
        }
        if (maxInterchangeBytes < 1 || maxSegmentBytes < 1 || maxMessageSegments < 2) {
            throw new IllegalArgumentException("envelope limits must be positive (a message has at least UNH and UNT): "
                    + maxInterchangeBytes + ", " + maxSegmentBytes + ", " + maxMessageSegments);
        }
    }
}
