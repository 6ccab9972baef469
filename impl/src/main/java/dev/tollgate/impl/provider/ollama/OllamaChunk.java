package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.util.ArrayList;
import java.util.List;

/**
 * One document of Ollama's {@code /api/chat}: the whole answer when streaming is off, one line of
 * the stream when it is on. The final one has {@code "done": true}, the {@code done_reason} and the
 * token counts; a failure is {@code {"error": "..."}}.
 *
 * <p>Usage: {@code prompt_eval_count} is every prompt token of the request, those read from
 * Ollama's prompt cache included, which {@code prompt_eval_cached_count} counts;
 * {@code eval_count} is every generated token, thinking included. Ollama leaves out counts that
 * are zero, and older versions counted only the prompt tokens it evaluated anew, so that a prompt
 * served wholly from its cache came back without {@code prompt_eval_count}. Such an answer says
 * nothing about how many input tokens the request had: its usage is
 * {@linkplain Usage#unknown() unknown}, not zero input tokens. A missing {@code eval_count} is a
 * zero count (nothing was generated).
 *
 * @param model the model as Ollama names it, or {@code null}
 * @param hasMessage whether the document has a {@code message}
 * @param content the message's {@code content} ({@code thinking} is left out); empty if none
 * @param calls the message's {@code tool_calls}
 * @param done whether this is the final document
 * @param doneReason why the model stopped, or {@code null}
 * @param promptTokens {@code prompt_eval_count}, or {@code null} if absent
 * @param cachedTokens {@code prompt_eval_cached_count}
 * @param outputTokens {@code eval_count}
 * @param error the failure Ollama reports, or {@code null}
 */
record OllamaChunk(String model, boolean hasMessage, String content, List<OllamaToolCalls.Call> calls, boolean done,
        String doneReason, Long promptTokens, long cachedTokens, long outputTokens, String error) {

    /**
     * @param json one UTF-8 JSON document
     * @return what it says
     * @throws JsonParsingException if it is not a JSON object or a tool call names no function
     */
    static OllamaChunk read(byte[] json) {
        String model = null;
        boolean hasMessage = false;
        StringBuilder content = new StringBuilder();
        List<OllamaToolCalls.Call> calls = new ArrayList<>();
        boolean done = false;
        String doneReason = null;
        Long prompt = null;
        long cached = 0;
        long output = 0;
        String error = null;
        try (JsonParser p = JsonSupport.parser(json)) {
            JsonReading.expectObject(p, p.next());
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "model" -> model = JsonReading.string(p, v);
                    case "message" -> hasMessage = readMessage(p, v, content, calls);
                    case "done" -> done = v == Event.VALUE_TRUE;
                    case "done_reason" -> doneReason = JsonReading.string(p, v);
                    case "prompt_eval_count" -> prompt = v == Event.VALUE_NUMBER ? JsonReading.number(p, v) : null;
                    case "prompt_eval_cached_count" -> cached = JsonReading.number(p, v);
                    case "eval_count" -> output = JsonReading.number(p, v);
                    case "error" -> error = JsonReading.string(p, v);
                    default -> JsonReading.skip(p, v);
                }
            }
        }
        return new OllamaChunk(model, hasMessage, content.toString(), List.copyOf(calls), done, doneReason, prompt,
                cached, output, error);
    }

    /** @return whether the message's content is read into {@code content} and its calls into {@code calls} */
    private static boolean readMessage(JsonParser p, Event v, StringBuilder content, List<OllamaToolCalls.Call> calls) {
        JsonReading.members(p, v, (key, e) -> {
            if (key.equals("content")) {
                String text = JsonReading.string(p, e);
                content.append(text == null ? "" : text);
            } else if (key.equals("tool_calls") && e == Event.START_ARRAY) {
                for (Event call = p.next(); call != Event.END_ARRAY; call = p.next()) {
                    JsonReading.expectObject(p, call);
                    calls.add(OllamaToolCalls.read(p));
                }
            } else {
                JsonReading.skip(p, e);
            }
        });
        return v == Event.START_OBJECT;
    }

    /** @return the counts as a usage; unknown without {@code prompt_eval_count} */
    Usage usage() {
        return promptTokens == null ? Usage.unknown() : Usage.builder()
                .inputTokens(promptTokens)
                .cachedInputTokens(Math.min(cachedTokens, promptTokens))
                .outputTokens(outputTokens)
                .build();
    }

    /**
     * The finish reason is {@code stop} or {@code length}; {@code load} and {@code unload} (a
     * request without messages that only loads or unloads the model) and an answer without
     * {@code done_reason} (older Ollama versions) are {@link FinishReason#OTHER}. An answer that
     * calls tools finishes with {@link FinishReason#TOOL_CALLS}, as Ollama itself reports it on its
     * OpenAI-compatible endpoint, although {@code done_reason} says {@code stop}.
     *
     * @param doneReason Ollama's {@code done_reason}, or {@code null}
     * @param calledTools whether the answer called tools
     * @return the finish reason
     */
    static FinishReason finishReason(String doneReason, boolean calledTools) {
        if (calledTools) {
            return FinishReason.TOOL_CALLS;
        }
        if (doneReason == null) {
            return FinishReason.OTHER;
        }
        return switch (doneReason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            default -> FinishReason.OTHER;
        };
    }
}
