package dev.tollgate.impl.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a body one byte at a time from a small buffer of its own. A
 * {@link java.io.BufferedInputStream} would take its lock for every byte, and its default 8 KB
 * buffer stays allocated for as long as a stream is open.
 *
 * <p>Not thread-safe: one reader per stream.
 */
final class ByteInput {
    static final int BUFFER_SIZE = 2048;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;

    /** @param in the body; the caller closes it */
    ByteInput(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next byte, 0 to 255, or -1 at the end of the body
     * @throws IOException if reading fails
     */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
