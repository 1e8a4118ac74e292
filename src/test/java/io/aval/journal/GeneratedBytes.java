package io.aval.journal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * {@code size} bytes made up as they are read, never held: a large interchange for a test that must
 * not materialise it. Each byte depends on its position, so bytes read back out of order (a chunk
 * swapped, repeated or left out) differ.
 */
final class GeneratedBytes extends InputStream {

    private final long size;
    private long at;

    GeneratedBytes(long size) {
        this.size = size;
    }

    /** The byte at {@code position}. */
    static byte at(long position) {
        long x = position * 0x9E3779B97F4A7C15L;
        return (byte) (x >>> 56 ^ position >>> 20);
    }

    @Override
    public int read() {
        return at < size ? at(at++) & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (at == size) {
            return -1;
        }
        int n = (int) Math.min(len, size - at);
        for (int i = 0; i < n; i++) {
            b[off + i] = at(at++);
        }
        return n;
    }

    /** How many bytes were read so far. */
    long position() {
        return at;
    }
}
