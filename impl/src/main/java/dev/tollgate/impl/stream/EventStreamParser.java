package dev.tollgate.impl.stream;

import dev.tollgate.api.ChatResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Reads the AWS event stream format ({@code application/vnd.amazon.eventstream}), in which Amazon
 * Bedrock streams its answers. Each message is, in this order:
 * <ol>
 *   <li>a prelude: the message's total length and the length of its headers, both 4-byte
 *       big-endian unsigned integers, then the CRC32 of these 8 bytes;</li>
 *   <li>the headers, each a 1-byte name length, the UTF-8 name, a type byte and the value as its
 *       type is encoded (a string: a 2-byte length and the UTF-8 bytes);</li>
 *   <li>the payload;</li>
 *   <li>the CRC32 of every byte of the message before it.</li>
 * </ol>
 *
 * <p>{@link #nextFrame()} cuts the body into messages by their total length; {@link #decode(byte[])}
 * verifies a message's checksums and decodes its headers with the AWS SDK's event stream codec
 * ({@code software.amazon.awssdk:eventstream}, an optional dependency that only
 * {@link #decode(byte[])} loads). A message cut short by the end of the body is returned short, so
 * that decoding reports it, as {@link NdjsonParser} returns an unterminated last line.
 *
 * <p>Not thread-safe: one reader per stream.
 */
public final class EventStreamParser {
    /** The prelude: total length, headers length, prelude CRC. */
    static final int PRELUDE_LENGTH = 12;
    /** A message without headers or payload: its prelude and its CRC. */
    static final int MIN_LENGTH = PRELUDE_LENGTH + 4;
    /** The largest message the AWS SDK's codec accepts: 128 KiB of headers, 24 MiB of payload. */
    static final long MAX_LENGTH = MIN_LENGTH + 128 * 1024 + 24 * 1024 * 1024;

    private final InputStream in;

    /** @param in the response body; the caller closes it */
    public EventStreamParser(InputStream in) {
        this.in = in;
    }

    /**
     * @return the bytes of the next message; fewer than its prelude declares if the stream ended
     *     inside it, and only its prelude if the prelude is damaged; {@code null} when the stream
     *     ended between messages
     * @throws IOException if reading fails
     */
    public byte[] nextFrame() throws IOException {
        byte[] prelude = in.readNBytes(PRELUDE_LENGTH);
        if (prelude.length == 0) {
            return null;
        }
        if (prelude.length < PRELUDE_LENGTH || !preludeIntact(prelude) || !plausibleLength(totalLength(prelude))) {
            // a length that cannot be trusted must not decide how much is read
            return prelude;
        }
        int total = (int) totalLength(prelude);
        byte[] frame = Arrays.copyOf(prelude, total);
        int read = in.readNBytes(frame, PRELUDE_LENGTH, total - PRELUDE_LENGTH);
        return read == total - PRELUDE_LENGTH ? frame : Arrays.copyOf(frame, PRELUDE_LENGTH + read);
    }

    /**
     * @return the next message, or {@code null} when the stream ended between messages
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the bytes are not a whole, intact message
     */
    public EventStreamMessage next() throws IOException {
        byte[] frame = nextFrame();
        return frame == null ? null : decode(frame);
    }

    /**
     * @param frame the bytes of one message, as {@link #nextFrame()} returns them
     * @return the message
     * @throws IllegalArgumentException if the frame is cut short, a checksum does not match, a
     *     length is impossible or a header cannot be decoded
     */
    public static EventStreamMessage decode(byte[] frame) {
        if (frame.length < PRELUDE_LENGTH) {
            throw new IllegalArgumentException("the stream ended inside a message prelude (" + frame.length + " of "
                    + PRELUDE_LENGTH + " bytes)");
        }
        if (!preludeIntact(frame)) {
            throw new IllegalArgumentException("the message prelude does not match its checksum");
        }
        long total = totalLength(frame);
        long headers = uint(frame, 4);
        if (!plausibleLength(total) || headers > total - MIN_LENGTH) {
            throw new IllegalArgumentException("impossible message lengths: " + total + " bytes with " + headers
                    + " bytes of headers");
        }
        if (frame.length < total) {
            throw new IllegalArgumentException("the stream ended inside a message (" + frame.length + " of " + total
                    + " bytes)");
        }
        Message decoded;
        try {
            decoded = Message.decode(ByteBuffer.wrap(frame));
        } catch (RuntimeException e) {
            // the message checksum, or a header the codec cannot read
            throw new IllegalArgumentException("malformed message: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        decoded.getHeaders().forEach((name, value) -> values.put(name, valueOf(value)));
        return new EventStreamMessage(values, decoded.getPayload());
    }

    /**
     * @param handler a provider's reading of decoded messages
     * @return a reading of frames that decodes each one first, so that a damaged frame fails like
     *     a malformed event
     */
    static StreamHandler<byte[]> decoding(StreamHandler<EventStreamMessage> handler) {
        return new StreamHandler<>() {
            @Override
            public String accept(byte[] frame) {
                return handler.accept(decode(frame));
            }

            @Override
            public boolean ended() {
                return handler.ended();
            }

            @Override
            public boolean completeAtEnd() {
                return handler.completeAtEnd();
            }

            @Override
            public ChatResponse summary() {
                return handler.summary();
            }
        };
    }

    private static Object valueOf(HeaderValue value) {
        return switch (value.getType()) {
            case TRUE, FALSE -> value.getBoolean();
            case BYTE -> value.getByte();
            case SHORT -> value.getShort();
            case INTEGER -> value.getInteger();
            case LONG -> value.getLong();
            case BYTE_ARRAY -> value.getByteArray();
            case STRING -> value.getString();
            case TIMESTAMP -> value.getTimestamp();
            case UUID -> value.getUuid();
            default -> value.toString();
        };
    }

    private static boolean preludeIntact(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 8);
        return crc.getValue() == uint(bytes, 8);
    }

    private static boolean plausibleLength(long total) {
        return total >= MIN_LENGTH && total <= MAX_LENGTH;
    }

    private static long totalLength(byte[] bytes) {
        return uint(bytes, 0);
    }

    private static long uint(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFFL) << 24) | ((bytes[offset + 1] & 0xFFL) << 16)
                | ((bytes[offset + 2] & 0xFFL) << 8) | (bytes[offset + 3] & 0xFFL);
    }
}
