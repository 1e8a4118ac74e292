package io.aval.edifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes an interchange from a stream as the checks walk it, strictly (a byte the character set
 * does not have, or a control byte, stops it with its offset), and keeps in memory only the text
 * from the earliest position not yet released: about one message.
 */
final class StreamText extends ScanText {

    static final int READ_BYTES = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes;
    private final int readBytes;
    private char[] buf;
    /** Absolute offset of buf[0], characters in buf, the earliest offset still wanted. */
    private int base;
    private int length;
    private int keepFrom;
    /** Bytes taken from the stream and handed to the decoder, for offsets in findings. */
    private long bytesRead;
    private boolean ended;

    StreamText(InputStream in, Charset charset, int readBytes) {
        this.in = in;
        this.readBytes = readBytes;
        this.bytes = ByteBuffer.allocate(Math.max(16, readBytes)); // room for a character's bytes cut across reads
        this.buf = new char[Math.max(16, readBytes)];
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    @Override
    boolean has(int pos) {
        while (pos >= base + length) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    @Override
    char at(int pos) {
        return buf[pos - base];
    }

    @Override
    String slice(int from, int to) {
        if (from < base) {
            throw new IllegalStateException("text before offset " + base + " was released; asked from " + from);
        }
        return new String(buf, from - base, to - from);
    }

    @Override
    void release(int pos) {
        keepFrom = Math.max(keepFrom, pos);
    }

    /** Decodes more text; false at the end of the stream. */
    private boolean fill() {
        if (ended) {
            return false;
        }
        makeRoom();
        CharBuffer out = CharBuffer.wrap(buf, length, buf.length - length);
        while (out.position() == length) {
            failOn(decoder.decode(bytes, out, false));
            if (out.position() > length) {
                break;
            }
            // underflow: the decoder needs more bytes (the room left is never too small for a character)
            if (!readMore()) {
                failOn(decoder.decode(bytes, out, true)); // a character cut short at the very end is refused here
                decoder.flush(out);
                ended = true;
                break;
            }
        }
        int added = out.position() - length;
        length = out.position();
        return added > 0;
    }

    /** Drops released text, and grows the buffer when what is kept fills it (one long message). */
    private void makeRoom() {
        int drop = Math.min(keepFrom - base, length);
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, length - drop);
            length -= drop;
            base += drop;
        }
        if (buf.length - length < Math.max(16, bytes.capacity() / 2)) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
    }

    /** Reads the next bytes, refusing control bytes as the whole-interchange check does. */
    private boolean readMore() {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.position(), Math.min(readBytes, bytes.remaining()));
            if (n <= 0) {
                bytes.flip();
                return false;
            }
            int control = EnvelopeChecker.firstControlByte(bytes.array(), bytes.position(), bytes.position() + n);
            if (control >= 0) {
                throw new UnreadableBytes(bytesRead + (control - bytes.position()), bytes.array()[control] & 0xff, true);
            }
            bytes.position(bytes.position() + n);
            bytes.flip();
            bytesRead += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the interchange", e);
        }
    }

    private void failOn(CoderResult r) {
        if (r.isError()) {
            long offset = bytesRead - bytes.remaining();
            throw new UnreadableBytes(offset, bytes.get(bytes.position()) & 0xff, false);
        }
    }
}
