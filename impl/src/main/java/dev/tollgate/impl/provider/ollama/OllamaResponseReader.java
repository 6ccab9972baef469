package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads an Ollama {@code /api/chat} answer (with streaming off) with the streaming parser:
 * {@code model}, {@code message.content} ({@code message.thinking} is left out),
 * {@code done_reason} and the token counts.
 *
 * <p>The finish reason is {@code stop} or {@code length}; {@code load} and {@code unload} (a
 * request without messages that only loads or unloads the model) and an answer without
 * {@code done_reason} (older Ollama versions) are {@link FinishReason#OTHER}. An answer whose
 * message carries {@code tool_calls} finishes with {@link FinishReason#TOOL_CALLS}, as Ollama
 * itself reports it on its OpenAI-compatible endpoint, although {@code done_reason} says
 * {@code stop}.
 *
 * <p>Usage: {@code prompt_eval_count} is every prompt token of the request, those read from
 * Ollama's prompt cache included, which {@code prompt_eval_cached_count} counts;
 * {@code eval_count} is every generated token, thinking included. Ollama leaves out counts that
 * are zero, and older versions counted only the prompt tokens it evaluated anew, so that a
 * prompt served wholly from its cache came back without {@code prompt_eval_count}. Such an answer
 * says nothing about how many input tokens the request had: its usage is
 * {@linkplain Usage#unknown() unknown}, not zero input tokens. A missing {@code eval_count} is a
 * zero count (nothing was generated).
 */
final class OllamaResponseReader {

    private OllamaResponseReader() {
    }

    /**
     * @param body the response body
     * @param requestedModel the model asked for, used if the body names none
     * @return the response, without provider id, cost or latency
     * @throws JsonParsingException if the body is not an Ollama chat answer
     */
    static ChatResponse read(byte[] body, String requestedModel) {
        ChatResponse.Builder response = ChatResponse.builder().model(requestedModel);
        Message message = null;
        String doneReason = null;
        Long prompt = null;
        long cached = 0;
        long output = 0;
        String error = null;
        try (JsonParser p = JsonSupport.parser(body)) {
            JsonReading.expectObject(p, p.next());
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "model" -> {
                        String model = JsonReading.string(p, v);
                        if (model != null && !model.isEmpty()) {
                            response.model(model);
                        }
                    }
                    case "message" -> message = readMessage(p, v);
                    case "done_reason" -> doneReason = JsonReading.string(p, v);
                    case "prompt_eval_count" -> prompt = v == Event.VALUE_NUMBER ? JsonReading.number(p, v) : null;
                    case "prompt_eval_cached_count" -> cached = JsonReading.number(p, v);
                    case "eval_count" -> output = JsonReading.number(p, v);
                    case "error" -> error = JsonReading.string(p, v);
                    default -> JsonReading.skip(p, v);
                }
            }
            if (message == null) {
                throw new JsonParsingException(error != null ? "the response reports an error: " + error
                        : "the response has no message", p.getLocation());
            }
        }
        return response.text(message.content())
                .rawFinishReason(doneReason)
                .finishReason(message.toolCalls() ? FinishReason.TOOL_CALLS : finishReason(doneReason))
                .usage(prompt == null ? Usage.unknown() : Usage.builder()
                        .inputTokens(prompt)
                        .cachedInputTokens(Math.min(cached, prompt))
                        .outputTokens(output)
                        .build())
                .build();
    }

    /** The parts of the answer's message that a {@link ChatResponse} keeps. */
    private record Message(String content, boolean toolCalls) {
    }

    private static Message readMessage(JsonParser p, Event v) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return null;
        }
        String content = "";
        boolean toolCalls = false;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            switch (key) {
                case "content" -> {
                    String text = JsonReading.string(p, e);
                    content = text == null ? "" : text;
                }
                case "tool_calls" -> {
                    if (e == Event.START_ARRAY) {
                        for (Event call = p.next(); call != Event.END_ARRAY; call = p.next()) {
                            toolCalls = true;
                            JsonReading.skip(p, call);
                        }
                    } else {
                        JsonReading.skip(p, e);
                    }
                }
                default -> JsonReading.skip(p, e);
            }
        }
        return new Message(content, toolCalls);
    }

    static FinishReason finishReason(String raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            default -> FinishReason.OTHER;
        };
    }
}
