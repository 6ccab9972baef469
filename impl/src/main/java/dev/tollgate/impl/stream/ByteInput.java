package dev.tollgate.impl.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a body line by line from a small buffer of its own. A {@link java.io.BufferedInputStream}
 * would take its lock for every byte, and its default 8 KB buffer stays allocated for as long as
 * a stream is open.
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
     * Adds the bytes before the next line terminator to a line and consumes that terminator.
     *
     * @param line where the bytes go
     * @param crEnds whether a CR ends a line, as an LF always does
     * @return the terminator, {@code '\n'} or {@code '\r'}, or -1 if the body ended first
     * @throws IOException if reading fails
     */
    int appendLine(LineBuffer line, boolean crEnds) throws IOException {
        while (position < limit || fill()) {
            int start = position;
            while (position < limit) {
                byte b = buffer[position++];
                if (b == '\n' || b == '\r' && crEnds) {
                    line.add(buffer, start, position - 1 - start);
                    return b;
                }
            }
            line.add(buffer, start, position - start);
        }
        return -1;
    }

    /**
     * Consumes the next byte if it is the given one.
     *
     * @param b the byte to skip
     * @throws IOException if reading fails
     */
    void skip(byte b) throws IOException {
        if ((position < limit || fill()) && buffer[position] == b) {
            position++;
        }
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
