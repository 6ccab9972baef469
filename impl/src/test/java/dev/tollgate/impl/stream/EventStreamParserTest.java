package dev.tollgate.impl.stream;

import static dev.tollgate.impl.stream.TestEventStreams.concat;
import static dev.tollgate.impl.stream.TestEventStreams.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.eventstream.HeaderValue;

class EventStreamParserTest {
    private static final byte[] HELLO = event("contentBlockDelta", "{\"delta\":{\"text\":\"Hello\"}}");
    private static final byte[] WORLD = event("contentBlockDelta", "{\"delta\":{\"text\":\" world\"}}");
    private static final byte[] STOP = event("messageStop", "{\"stopReason\":\"end_turn\"}");

    private static List<EventStreamMessage> parse(InputStream in) throws IOException {
        EventStreamParser parser = new EventStreamParser(in);
        List<EventStreamMessage> messages = new ArrayList<>();
        for (EventStreamMessage m = parser.next(); m != null; m = parser.next()) {
            messages.add(m);
        }
        return messages;
    }

    private static List<EventStreamMessage> parse(byte[] body) throws IOException {
        return parse(new ByteArrayInputStream(body));
    }

    private static String payload(EventStreamMessage m) {
        return new String(m.payload(), StandardCharsets.UTF_8);
    }

    /** A body that hands out at most {@code size} bytes per read, as a network does. */
    private static InputStream inPiecesOf(byte[] body, int size) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, size));
            }
        };
    }

    @Test
    void eventMessage_hasItsStringHeadersInWireOrderAndItsPayload() throws IOException {
        EventStreamMessage m = parse(HELLO).get(0);

        assertThat(m.headers()).containsExactly(
                Map.entry(":event-type", "contentBlockDelta"),
                Map.entry(":content-type", "application/json"),
                Map.entry(":message-type", "event"));
        assertThat(m.header(":event-type")).isEqualTo("contentBlockDelta");
        assertThat(m.header(":exception-type")).isNull();
        assertThat(payload(m)).isEqualTo("{\"delta\":{\"text\":\"Hello\"}}");
    }

    @Test
    void everyHeaderType_isDecodedToItsJavaValue() throws IOException {
        Instant at = Instant.parse("2026-11-25T10:15:30.123Z");
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put("t", HeaderValue.fromBoolean(true));
        headers.put("f", HeaderValue.fromBoolean(false));
        headers.put("b", HeaderValue.fromByte((byte) -7));
        headers.put("s", HeaderValue.fromShort((short) 1234));
        headers.put("i", HeaderValue.fromInteger(-56789));
        headers.put("l", HeaderValue.fromLong(1L << 40));
        headers.put("bytes", HeaderValue.fromByteArray(new byte[] {1, 2, 3}));
        headers.put("str", HeaderValue.fromString("Grüße 🌍"));
        headers.put("ts", HeaderValue.fromTimestamp(at));
        headers.put("uuid", HeaderValue.fromUuid(id));

        EventStreamMessage m = parse(TestEventStreams.message(headers, new byte[0])).get(0);

        assertThat(m.headers()).containsOnlyKeys("t", "f", "b", "s", "i", "l", "bytes", "str", "ts", "uuid");
        assertThat(m.headers()).containsEntry("t", true).containsEntry("f", false)
                .containsEntry("b", (byte) -7).containsEntry("s", (short) 1234).containsEntry("i", -56789)
                .containsEntry("l", 1L << 40).containsEntry("str", "Grüße 🌍").containsEntry("ts", at)
                .containsEntry("uuid", id);
        assertThat((byte[]) m.headers().get("bytes")).containsExactly(1, 2, 3);
        assertThat(m.header("i")).as("not a string").isNull();
        assertThat(m.payload()).isEmpty();
    }

    @Test
    void severalMessagesInOneRead_areReturnedOneAtATime() throws IOException {
        List<EventStreamMessage> messages = parse(concat(HELLO, WORLD, STOP));

        assertThat(messages).extracting(EventStreamParserTest::payload).containsExactly(
                "{\"delta\":{\"text\":\"Hello\"}}", "{\"delta\":{\"text\":\" world\"}}", "{\"stopReason\":\"end_turn\"}");
    }

    @ParameterizedTest(name = "{0} bytes per read")
    @ValueSource(ints = {1, 3, 7, 12, 13, 50})
    void messagesSplitAcrossReads_areJoined(int size) throws IOException {
        List<EventStreamMessage> messages = parse(inPiecesOf(concat(HELLO, WORLD, STOP), size));

        assertThat(messages).extracting(m -> m.header(":event-type"))
                .containsExactly("contentBlockDelta", "contentBlockDelta", "messageStop");
        assertThat(payload(messages.get(1))).isEqualTo("{\"delta\":{\"text\":\" world\"}}");
    }

    @Test
    void emptyBody_hasNoMessage_andStaysEnded() throws IOException {
        EventStreamParser parser = new EventStreamParser(new ByteArrayInputStream(new byte[0]));

        assertThat(parser.next()).isNull();
        assertThat(parser.next()).isNull();
    }

    @Test
    void messageWithoutHeadersOrPayload_isTheSmallestMessage() throws IOException {
        byte[] empty = TestEventStreams.message(Map.of(), new byte[0]);

        assertThat(empty).hasSize(EventStreamParser.MIN_LENGTH);
        assertThat(parse(empty)).singleElement().satisfies(m -> {
            assertThat(m.headers()).isEmpty();
            assertThat(m.payload()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0} of 12 prelude bytes")
    @ValueSource(ints = {1, 4, 11})
    void bodyEndingInsideAPrelude_isReportedAfterTheWholeMessages(int kept) throws IOException {
        EventStreamParser parser = new EventStreamParser(new ByteArrayInputStream(
                concat(HELLO, Arrays.copyOf(WORLD, kept))));

        assertThat(parser.next()).isNotNull();
        assertThatThrownBy(parser::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stream ended inside a message prelude (" + kept + " of 12 bytes)");
    }

    @Test
    void bodyEndingInsideAMessage_isReportedWithHowMuchCame() throws IOException {
        EventStreamParser parser = new EventStreamParser(new ByteArrayInputStream(
                concat(HELLO, Arrays.copyOf(WORLD, 30))));

        assertThat(parser.next()).isNotNull();
        assertThatThrownBy(parser::next).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stream ended inside a message (30 of " + WORLD.length + " bytes)");
    }

    @Test
    void damagedPayload_failsTheMessageChecksum() {
        byte[] damaged = HELLO.clone();
        damaged[damaged.length - 8] ^= 0x20;

        assertThatThrownBy(() -> parse(damaged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed message: Message checksum failure");
    }

    @Test
    void damagedMessageChecksum_isReported() {
        byte[] damaged = HELLO.clone();
        damaged[damaged.length - 1] ^= 0x01;

        assertThatThrownBy(() -> parse(damaged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void damagedPrelude_isReportedWithoutReadingTheLengthItClaims() throws IOException {
        byte[] damaged = HELLO.clone();
        damaged[1] = 0x7F; // a total length of about 8 MB, which the prelude checksum no longer covers
        EventStreamParser parser = new EventStreamParser(new ByteArrayInputStream(concat(damaged, WORLD)));

        byte[] frame = parser.nextFrame();

        assertThat(frame).as("only the prelude is read").hasSize(12);
        assertThatThrownBy(() -> EventStreamParser.decode(frame)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the message prelude does not match its checksum");
    }

    @ParameterizedTest(name = "total length {0}")
    @ValueSource(longs = {0, 15, 30_000_000, 0xFFFF_FFFFL})
    void impossibleLengthUnderAnIntactPreludeChecksum_isReported(long total) {
        byte[] prelude = prelude(total, 0);

        assertThatThrownBy(() -> parse(prelude)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("impossible message lengths: " + total + " bytes");
    }

    @Test
    void headersLongerThanTheMessage_areReported() {
        assertThatThrownBy(() -> parse(prelude(40, 30))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("impossible message lengths: 40 bytes with 30 bytes of headers");
    }

    @Test
    void failingRead_isAnIOException() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> new EventStreamParser(broken).next()).isInstanceOf(IOException.class)
                .hasMessage("connection reset");
    }

    /** A prelude whose checksum is right for whatever lengths it states. */
    private static byte[] prelude(long total, long headers) {
        ByteBuffer b = ByteBuffer.allocate(12).putInt((int) total).putInt((int) headers);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, 8);
        return b.putInt((int) crc.getValue()).array();
    }
}
