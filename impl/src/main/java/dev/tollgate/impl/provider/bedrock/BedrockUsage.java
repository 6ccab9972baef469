package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * Reads Converse's {@code usage} object, the same in an answer and in a stream's {@code metadata}
 * event. Bedrock's {@code inputTokens} leaves out the tokens read from and written to the prompt
 * cache; the usage adds them back, so that {@link Usage#inputTokens()} counts every input token.
 * The entries of {@code cacheDetails} whose {@code ttl} is {@code 1h} are the one-hour cache writes.
 */
final class BedrockUsage {
    private BedrockUsage() {
    }

    /**
     * @param p the parser, just past the object's {@code START_OBJECT}
     * @return the normalised usage
     */
    static Usage read(JsonParser p) {
        long input = 0;
        long output = 0;
        long cacheRead = 0;
        long cacheWrite = 0;
        long cacheWrite1h = 0;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "inputTokens" -> input = JsonReading.number(p, v);
                case "outputTokens" -> output = JsonReading.number(p, v);
                case "cacheReadInputTokens" -> cacheRead = JsonReading.number(p, v);
                case "cacheWriteInputTokens" -> cacheWrite = JsonReading.number(p, v);
                case "cacheDetails" -> cacheWrite1h = oneHourCacheWrites(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        return Usage.builder()
                .inputTokens(input + cacheRead + cacheWrite)
                .cachedInputTokens(cacheRead)
                .cacheWriteTokens(cacheWrite)
                .cacheWrite1hTokens(Math.min(cacheWrite1h, cacheWrite))
                .outputTokens(output)
                .build();
    }

    /**
     * @param p the parser, positioned on {@code v}
     * @param v the first event of the value of {@code usage}
     * @return the usage, or {@code null} if the value is not an object
     */
    static Usage readValue(JsonParser p, Event v) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return null;
        }
        return read(p);
    }

    /** Sums the {@code inputTokens} of the {@code cacheDetails} entries whose {@code ttl} is {@code 1h}. */
    private static long oneHourCacheWrites(JsonParser p, Event v) {
        if (v != Event.START_ARRAY) {
            JsonReading.skip(p, v);
            return 0;
        }
        long sum = 0;
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (e != Event.START_OBJECT) {
                JsonReading.skip(p, e);
                continue;
            }
            String ttl = null;
            long tokens = 0;
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event f = p.next();
                switch (key) {
                    case "ttl" -> ttl = JsonReading.string(p, f);
                    case "inputTokens" -> tokens = JsonReading.number(p, f);
                    default -> JsonReading.skip(p, f);
                }
            }
            if ("1h".equals(ttl)) {
                sum += tokens;
            }
        }
        return sum;
    }

    /**
     * Reads {@code serviceTier}, {@code {"type": "…"}} in answers and streams.
     *
     * @param p the parser, positioned on {@code v}
     * @param v the first event of the value
     * @return the tier's type, or {@code null}
     */
    static String serviceTier(JsonParser p, Event v) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return null;
        }
        String value = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            if (key.equals("type")) {
                value = JsonReading.string(p, e);
            } else {
                JsonReading.skip(p, e);
            }
        }
        return value;
    }
}
