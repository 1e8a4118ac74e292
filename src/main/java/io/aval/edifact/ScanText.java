package io.aval.edifact;

/**
 * The decoded text the envelope checks walk: a whole string, or a window on a stream that keeps
 * only what has not been {@link #release released} yet, so that an interchange of any size is
 * checked one message at a time. Offsets are absolute character offsets from the start.
 */
abstract class ScanText {

    /** True when there is a character at {@code pos}; false at the end of the text. */
    abstract boolean has(int pos);

    /** The character at {@code pos}, once {@link #has} said it is there. */
    abstract char at(int pos);

    /** The text from {@code from} to {@code to}, both not released yet. */
    abstract String slice(int from, int to);

    /** The text before {@code pos} will not be asked for again. */
    void release(int pos) {
    }

    /** The whole decoded interchange in memory. */
    static ScanText of(String text) {
        return new ScanText() {
            @Override
            boolean has(int pos) {
                return pos < text.length();
            }

            @Override
            char at(int pos) {
                return text.charAt(pos);
            }

            @Override
            String slice(int from, int to) {
                return text.substring(from, to);
            }
        };
    }

    /** The bytes cannot be decoded in the interchange's character set, or are control bytes. */
    static final class UnreadableBytes extends RuntimeException {
        final long offset;
        final int value;
        final boolean binary;

        UnreadableBytes(long offset, int value, boolean binary) {
            super(String.format("byte 0x%02X at offset %d", value, offset), null, false, false);
            this.offset = offset;
            this.value = value;
            this.binary = binary;
        }
    }
}
