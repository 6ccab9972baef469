package dev.tollgate.impl.stream;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message of an AWS event stream.
 *
 * @param headers the headers in wire order, each value as its type decodes: {@link String},
 *     {@link Boolean}, {@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@code byte[]},
 *     {@link java.time.Instant} or {@link java.util.UUID}
 * @param payload the payload bytes
 */
public record EventStreamMessage(Map<String, Object> headers, byte[] payload) {
    /**
     * @param headers see above; copied
     * @param payload see above; not copied
     */
    public EventStreamMessage {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * @param name a header name, such as {@code :event-type}
     * @return the header's value if it is a string, or {@code null}
     */
    public String header(String name) {
        return headers.get(name) instanceof String s ? s : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventStreamMessage m && headers.equals(m.headers) && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return 31 * headers.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "EventStreamMessage" + headers + "[" + payload.length + " bytes]";
    }
}
