package dev.tollgate.impl.stream;

import java.nio.charset.Charset;
import java.util.Arrays;

/** The bytes of one line, decoded only once the line is complete so multi-byte characters stay whole. */
final class LineBuffer {
    private byte[] bytes = new byte[256];
    private int size;

    void add(byte[] source, int offset, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + length, size * 2));
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void reset() {
        size = 0;
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    String toString(Charset charset) {
        return new String(bytes, 0, size, charset);
    }
}
