package dev.tollgate.impl.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a newline-delimited JSON stream into its documents: one per line, lines ended by LF
 * (a CR before it is dropped), blank lines skipped. A last line without its LF is still returned,
 * so a reader sees a document cut short by the end of the stream and can report it.
 *
 * <p>Not thread-safe: one reader per stream.
 */
public final class NdjsonParser {
    private final ByteInput in;
    private final LineBuffer line = new LineBuffer();

    /** @param in the response body; the caller closes it */
    public NdjsonParser(InputStream in) {
        this.in = new ByteInput(in);
    }

    /**
     * @return the UTF-8 bytes of the next document, or {@code null} when the stream has ended
     * @throws IOException if reading fails
     */
    public byte[] next() throws IOException {
        while (true) {
            line.reset();
            int b = in.appendLine(line, false);
            byte[] bytes = line.toBytes();
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            if (!isBlank(bytes, end)) {
                return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
            }
            if (b < 0) {
                return null;
            }
        }
    }

    private static boolean isBlank(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
