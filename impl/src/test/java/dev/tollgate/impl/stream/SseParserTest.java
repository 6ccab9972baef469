package dev.tollgate.impl.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseEvent> parse(String stream) throws IOException {
        return parse(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<SseEvent> parse(InputStream in) throws IOException {
        SseParser parser = new SseParser(in);
        List<SseEvent> events = new ArrayList<>();
        for (SseEvent e = parser.next(); e != null; e = parser.next()) {
            events.add(e);
        }
        assertNull(parser.next(), "an ended parser stays ended");
        return events;
    }

    @Test
    void dataLines_areJoinedWithLineFeeds() throws IOException {
        List<SseEvent> events = parse("data: first\ndata: second\n\n");

        assertEquals(List.of(new SseEvent("message", "first\nsecond", "")), events);
    }

    @Test
    void crlfAndBareCr_endLinesLikeLf() throws IOException {
        List<SseEvent> events = parse("data: a\r\n\r\ndata: b\r\rdata: c\n\n");

        assertEquals(List.of("a", "b", "c"), events.stream().map(SseEvent::data).toList());
    }

    @Test
    void crlfSplitAcrossReads_isOneLineEnd() throws IOException {
        byte[] bytes = "data: a\r\n\r\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        InputStream oneByteAtATime = new InputStream() {
            private int i;

            @Override
            public int read() {
                return i < bytes.length ? bytes[i++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[i++];
                return 1;
            }
        };

        assertEquals(List.of("a", "b"), parse(oneByteAtATime).stream().map(SseEvent::data).toList());
    }

    @Test
    void eventTypeAndId_areKeptAndTypeResetsAfterDispatch() throws IOException {
        List<SseEvent> events = parse("event: message_start\nid: 7\ndata: {}\n\ndata: x\n\n");

        assertEquals(new SseEvent("message_start", "{}", "7"), events.get(0));
        assertEquals(new SseEvent("message", "x", "7"), events.get(1));
    }

    @Test
    void commentsAndUnknownFields_areIgnored() throws IOException {
        List<SseEvent> events = parse(": keep-alive\nfoo: bar\ndata: x\n\n: OPENROUTER PROCESSING\n\n");

        assertEquals(List.of(new SseEvent("message", "x", "")), events);
    }

    @Test
    void onlyOneSpaceAfterTheColon_isRemoved() throws IOException {
        assertEquals("  two spaces kept", parse("data:   two spaces kept\n\n").get(0).data());
        assertEquals("no space", parse("data:no space\n\n").get(0).data());
    }

    @Test
    void fieldWithoutColon_hasAnEmptyValue() throws IOException {
        List<SseEvent> events = parse("data\ndata\n\n");

        assertEquals("\n", events.get(0).data());
    }

    @Test
    void blankLineWithoutData_dispatchesNothing() throws IOException {
        assertEquals(List.of(), parse("event: ping\n\n\n\n"));
    }

    @Test
    void eventNotEndedByABlankLine_isDiscardedAtTheEnd() throws IOException {
        List<SseEvent> events = parse("data: whole\n\ndata: cut short\n");

        assertEquals(List.of("whole"), events.stream().map(SseEvent::data).toList());
    }

    @Test
    void leadingByteOrderMark_isSkipped() throws IOException {
        assertEquals("x", parse("\uFEFFdata: x\n\n").get(0).data());
    }

    @Test
    void multiByteCharacters_surviveAnyBuffering() throws IOException {
        assertEquals("Grüße, 世界 🌍", parse("data: Grüße, 世界 🌍\n\n").get(0).data());
    }

    @Test
    void linesLongerThanTheReadBuffer_areReadWhole() throws IOException {
        String first = "é".repeat(3000);
        String second = "x".repeat(5000);

        List<SseEvent> events = parse("data: " + first + "\r\ndata: " + second + "\r\n\r\n");

        assertEquals(List.of(first + "\n" + second), events.stream().map(SseEvent::data).toList());
    }

    @Test
    void retry_isReadOnlyWhenAllDigits() throws IOException {
        SseParser parser = new SseParser(new ByteArrayInputStream("retry: 3000\nretry: 5x\ndata: x\n\n"
                .getBytes(StandardCharsets.UTF_8)));
        parser.next();

        assertEquals(3000, parser.retryMillis());
    }

    @Test
    void idWithNul_isIgnored() throws IOException {
        assertEquals("1", parse("id: 1\nid: a\0b\ndata: x\n\n").get(0).lastEventId());
    }
}
