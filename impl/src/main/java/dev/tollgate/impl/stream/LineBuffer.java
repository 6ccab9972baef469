package dev.tollgate.impl.stream;

import java.nio.charset.Charset;
import java.util.Arrays;

/** The bytes of one line, decoded only once the line is complete so multi-byte characters stay whole. */
final class LineBuffer {
    private byte[] bytes = new byte[256];
    private int size;

    void add(byte b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = b;
    }

    boolean isEmpty() {
        return size == 0;
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
