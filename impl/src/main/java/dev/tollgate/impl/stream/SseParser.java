package dev.tollgate.impl.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events from a byte stream exactly as the WHATWG HTML standard's event-stream
 * interpretation defines it: UTF-8 with an optional leading byte-order mark; lines ended by CRLF,
 * LF or CR; {@code :} comments; the fields {@code event}, {@code data}, {@code id} and
 * {@code retry}; one space after the colon removed; an event dispatched at a blank line only if it
 * has data; an event not ended by a blank line when the stream ends is discarded.
 *
 * <p>Not thread-safe: one reader per stream.
 */
public final class SseParser {
    private static final int CR = '\r';
    private static final int LF = '\n';

    private final ByteInput in;
    private final LineBuffer line = new LineBuffer();
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId = "";
    private long retryMillis = -1;
    private boolean bomChecked;
    private boolean pendingCr;
    private boolean ended;

    /** @param in the response body; the caller closes it */
    public SseParser(InputStream in) {
        this.in = new ByteInput(in);
    }

    /**
     * @return the next event, or {@code null} when the stream has ended
     * @throws IOException if reading fails
     */
    public SseEvent next() throws IOException {
        while (!ended) {
            String l = readLine();
            if (l == null) {
                ended = true;
                return null;
            }
            if (l.isEmpty()) {
                SseEvent event = dispatch();
                if (event != null) {
                    return event;
                }
            } else {
                field(l);
            }
        }
        return null;
    }

    /** @return the reconnection time the stream asked for, or -1 if it did not */
    public long retryMillis() {
        return retryMillis;
    }

    private SseEvent dispatch() {
        if (data.length() == 0) {
            eventType = "";
            return null;
        }
        if (data.charAt(data.length() - 1) == '\n') {
            data.setLength(data.length() - 1);
        }
        SseEvent event = new SseEvent(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId);
        data.setLength(0);
        eventType = "";
        return event;
    }

    private void field(String l) {
        if (l.charAt(0) == ':') {
            return;
        }
        int colon = l.indexOf(':');
        int nameEnd = colon < 0 ? l.length() : colon;
        int start = l.length();
        if (colon >= 0) {
            start = colon + 1;
            if (start < l.length() && l.charAt(start) == ' ') {
                start++;
            }
        }
        if (nameEnd == 4 && l.startsWith("data")) {
            data.append(l, start, l.length()).append('\n');
            return;
        }
        String name = l.substring(0, nameEnd);
        String value = l.substring(start);
        switch (name) {
            case "event" -> eventType = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        retryMillis = Long.parseLong(value);
                    } catch (NumberFormatException tooLong) {
                        retryMillis = Long.MAX_VALUE;
                    }
                }
            }
            default -> {
                // the standard ignores unknown fields
            }
        }
    }

    /** @return the next line without its terminator, or {@code null} at the end of the stream */
    private String readLine() throws IOException {
        line.reset();
        if (pendingCr) {
            pendingCr = false;
            in.skip((byte) LF);
        }
        int terminator = in.appendLine(line, true);
        if (terminator < 0) {
            // an unterminated last line never completes an event
            return null;
        }
        pendingCr = terminator == CR;
        return decode();
    }

    private String decode() {
        String text = line.toString(StandardCharsets.UTF_8);
        if (!bomChecked) {
            bomChecked = true;
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
        }
        return text;
    }
}
