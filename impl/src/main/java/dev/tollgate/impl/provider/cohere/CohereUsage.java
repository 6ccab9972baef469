package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * Reads Cohere's {@code usage} object, the same in an answer and in a stream's
 * {@code message-end} event.
 *
 * <p>Cohere reports two counts: {@code tokens}, every token the model processed, including the
 * chat template and safety instructions Cohere adds to the prompt, and {@code billed_units}, the
 * tokens it charges for, which leave out what Cohere adds on its own side (template and special
 * tokens, in the input and in the output). The usage is read from {@code billed_units}, because a
 * cost computed from the usage must match Cohere's bill; {@code tokens} is used only when there
 * are no billed units (a deployment that does not bill per token), and a usage with neither is
 * unknown. {@code cached_tokens}, the prompt tokens that hit Cohere's inference cache, is counted
 * against {@code tokens} rather than the billed input and Cohere publishes no separate price for
 * it, so it does not become {@link Usage#cachedInputTokens()}. Cohere does not break out
 * reasoning tokens: a reasoning model's thinking is inside its output tokens.
 */
final class CohereUsage {
    private CohereUsage() {
    }

    /**
     * @param p the parser, on the value of {@code usage}
     * @param v the value's first event
     * @return the usage, {@linkplain Usage#unknown() unknown} if it has no counts
     */
    static Usage read(JsonParser p, Event v) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return Usage.unknown();
        }
        long[] billed = null;
        long[] processed = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            switch (key) {
                case "billed_units" -> billed = readCounts(p, e);
                case "tokens" -> processed = readCounts(p, e);
                default -> JsonReading.skip(p, e);
            }
        }
        long[] counts = billed != null ? billed : processed;
        return counts == null ? Usage.unknown() : Usage.of(counts[0], counts[1]);
    }

    /** @return {input, output}, or {@code null} if the value is not an object */
    private static long[] readCounts(JsonParser p, Event v) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return null;
        }
        long[] counts = new long[2];
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            switch (key) {
                case "input_tokens" -> counts[0] = JsonReading.number(p, e);
                case "output_tokens" -> counts[1] = JsonReading.number(p, e);
                default -> JsonReading.skip(p, e);
            }
        }
        return counts;
    }
}
