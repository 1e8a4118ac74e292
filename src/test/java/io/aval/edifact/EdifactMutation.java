package io.aval.edifact;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One random change to an interchange's bytes, of the kinds that happen to EDIFACT in transit or
 * in a careless partner's export: a flipped byte, a lost or repeated stretch, a cut, a separator
 * or release character where it does not belong, a different UNA. Positions are fractions of the
 * input's length so that one mutation applies to any input.
 */
public sealed interface EdifactMutation {

    byte[] apply(byte[] in);

    /** Service characters the mutations inject: the defaults, the usual alternatives, and a blank. */
    byte[] SERVICE = "+:'?*.,\n\r ~|^\\".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    record FlipByte(double at, byte value) implements EdifactMutation {
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            out[index(at, in.length)] = value;
            return out;
        }
    }

    record Delete(double at, int length) implements EdifactMutation {
        public byte[] apply(byte[] in) {
            int from = index(at, in.length);
            int to = Math.min(in.length, from + length);
            return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, in.length));
        }
    }

    record Duplicate(double at, int length) implements EdifactMutation {
        public byte[] apply(byte[] in) {
            int from = index(at, in.length);
            int to = Math.min(in.length, from + length);
            return concat(Arrays.copyOfRange(in, 0, to), Arrays.copyOfRange(in, from, in.length));
        }
    }

    record Truncate(double at) implements EdifactMutation {
        public byte[] apply(byte[] in) {
            return Arrays.copyOf(in, index(at, in.length));
        }
    }

    record InjectSeparator(double at, int which) implements EdifactMutation {
        public byte[] apply(byte[] in) {
            int i = index(at, in.length);
            byte[] one = {SERVICE[Math.floorMod(which, SERVICE.length)]};
            return concat(concat(Arrays.copyOfRange(in, 0, i), one), Arrays.copyOfRange(in, i, in.length));
        }
    }

    /** The release character as the very last byte: it escapes nothing (or the terminator it replaces). */
    record ReleaseAtEnd(boolean replaceLast) implements EdifactMutation {
        public byte[] apply(byte[] in) {
            if (replaceLast && in.length > 0) {
                byte[] out = in.clone();
                out[in.length - 1] = '?';
                return out;
            }
            return concat(in, new byte[] {'?'});
        }
    }

    /** A UNA of six random service characters (possibly repeated or letters) in place of, or before, the real one. */
    record RandomUna(byte[] characters) implements EdifactMutation {
        public byte[] apply(byte[] in) {
            byte[] una = concat("UNA".getBytes(java.nio.charset.StandardCharsets.US_ASCII), characters);
            int skip = in.length >= 9 && in[0] == 'U' && in[1] == 'N' && in[2] == 'A' ? 9 : 0;
            return concat(una, Arrays.copyOfRange(in, skip, in.length));
        }

        @Override
        public String toString() {
            return "RandomUna[" + new String(characters, java.nio.charset.StandardCharsets.ISO_8859_1) + "]";
        }
    }

    record InsertBytes(double at, byte[] bytes) implements EdifactMutation {
        public byte[] apply(byte[] in) {
            int i = index(at, in.length);
            return concat(concat(Arrays.copyOfRange(in, 0, i), bytes), Arrays.copyOfRange(in, i, in.length));
        }

        @Override
        public String toString() {
            return "InsertBytes[at=" + at + ", bytes=" + Arrays.toString(bytes) + "]";
        }
    }

    /** One mutation of a random kind with random parameters, drawn from {@code rnd} (seeded: a failure can be replayed). */
    static EdifactMutation random(java.util.Random rnd) {
        double at = rnd.nextDouble();
        return switch (rnd.nextInt(8)) {
            // mostly printable: control bytes are refused at once, printable ones get further into the reader
            case 0 -> new FlipByte(at, rnd.nextInt(5) < 4 ? (byte) (0x20 + rnd.nextInt(0x5f)) : (byte) rnd.nextInt(256));
            case 1 -> new Delete(at, 1 + rnd.nextInt(200));
            case 2 -> new Duplicate(at, 1 + rnd.nextInt(200));
            case 3 -> new Truncate(at);
            case 4 -> new InjectSeparator(at, rnd.nextInt(SERVICE.length));
            case 5 -> new ReleaseAtEnd(rnd.nextBoolean());
            case 6 -> {
                byte[] una = new byte[6];
                for (int i = 0; i < una.length; i++) {
                    una[i] = rnd.nextBoolean() ? SERVICE[rnd.nextInt(SERVICE.length)] : (byte) (0x20 + rnd.nextInt(0x5f));
                }
                yield new RandomUna(una);
            }
            default -> {
                byte[] bytes = new byte[1 + rnd.nextInt(16)];
                rnd.nextBytes(bytes);
                yield new InsertBytes(at, bytes);
            }
        };
    }

    private static int index(double at, int length) {
        return Math.min(length == 0 ? 0 : length - 1, (int) (at * length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
