package dev.tollgate.bench;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a hand-written client reads from OpenAI's answers with JSON-P's streaming parser, the
 * library Tollgate reads them with: the text and the token counts, every other value skipped. The
 * body is decoded to a string first, which costs less than a parser over the bytes (whose reader
 * allocates an 8 KB decoding buffer per answer), so the baseline is the leaner of the two.
 */
final class RawJson {
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    /** The text and usage of one answer or event. */
    record Answer(String text, long inputTokens, long outputTokens) {
    }

    private RawJson() {
    }

    /**
     * @param body a chat completion
     * @return its text and usage
     */
    static Answer completion(byte[] body) {
        try (JsonParser p = PARSERS.createParser(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return read(p, "message");
        }
    }

    /**
     * @param data the data of one chat completion chunk event
     * @param text told the delta's text, if the event has one
     * @return the event's usage, zero if it has none
     */
    static Answer chunk(String data, Consumer<String> text) {
        try (JsonParser p = PARSERS.createParser(new StringReader(data))) {
            Answer a = read(p, "delta");
            if (a.text() != null) {
                text.accept(a.text());
            }
            return a;
        }
    }

    private static Answer read(JsonParser p, String holder) {
        String[] parents = new String[16];
        int depth = 0;
        String key = null;
        String text = null;
        long input = 0;
        long output = 0;
        while (p.hasNext()) {
            switch (p.next()) {
                case START_OBJECT, START_ARRAY -> parents[depth++] = key;
                case END_OBJECT, END_ARRAY -> depth--;
                case KEY_NAME -> key = p.getString();
                case VALUE_STRING -> {
                    if ("content".equals(key) && holder.equals(parents[depth - 1])) {
                        text = p.getString();
                    }
                }
                case VALUE_NUMBER -> {
                    if ("usage".equals(parents[depth - 1])) {
                        if ("prompt_tokens".equals(key)) {
                            input = p.getLong();
                        } else if ("completion_tokens".equals(key)) {
                            output = p.getLong();
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new Answer(text, input, output);
    }
}
