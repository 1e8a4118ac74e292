package io.aval.edifact.fast;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** An interchange of about {@code size} bytes generated on the fly: UNB, as many ORDERS as fit, UNZ. Never in memory. */
final class LargeInterchangeStream extends InputStream {
    private static final byte[] HEAD = "UNA:+.? 'UNB+UNOC:3+5412345000013:14+4012345000009:14+261126:1200+BIG1'\n".getBytes(StandardCharsets.US_ASCII);
    private static final String MESSAGE = "UNH+%d+ORDERS:D:96A:UN:EAN008'\nBGM+220+PO-%d+9'\nDTM+137:20261126:102'\n"
            + "FTX+AAI+++Livraison quai 4?: RDV obligatoire'\nNAD+BY+5412345000013::9++Acme Distribution'\n"
            + "NAD+DP+5412345000099::9++Acme Entrepot+12 rue des Docks+Lyon++69007+FR'\nCUX+2:EUR:9'\n"
            + "LIN+1++4000862141404:EN'\nQTY+21:480'\nPRI+AAA:1.25'\nLIN+2++4000862141411:EN'\nQTY+21:24'\nPRI+AAA:7.10'\n"
            + "UNS+S'\nCNT+2:2'\nUNT+16+%d'\n";

    private final long size;
    private long produced;
    private int messages;
    private byte[] current = HEAD;
    private int pos;
    private boolean trailerDone;

    LargeInterchangeStream(long size) {
        this.size = size;
    }

    int messages() {
        return messages;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos == current.length && !next()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        produced += n;
        return n;
    }

    private boolean next() {
        if (trailerDone) {
            return false;
        }
        if (produced < size) {
            messages++;
            current = String.format(MESSAGE, messages, messages, messages).getBytes(StandardCharsets.US_ASCII);
        } else {
            current = ("UNZ+" + messages + "+BIG1'\n").getBytes(StandardCharsets.US_ASCII);
            trailerDone = true;
        }
        pos = 0;
        return true;
    }
}
