package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.FinishReason;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;

/**
 * Reads a Chat Completions response body with the streaming parser, keeping only the fields a
 * {@link ChatResponse} needs: {@code id}, {@code model}, {@code service_tier}, the first choice's
 * message content, tool calls and finish reason, and {@code usage}.
 *
 * <p>Compatible servers extend the format; what they add is either read or skipped:
 * <ul>
 *   <li>{@code usage.prompt_tokens_details.cache_write_tokens} (OpenRouter) is a part of
 *       {@code prompt_tokens}, as {@code cached_tokens} is;</li>
 *   <li>{@code usage.cost} (OpenRouter, in credits of one US dollar) becomes a
 *       {@linkplain Cost#reported(BigDecimal, String) reported cost}; for a request made with the
 *       caller's own provider key ({@code usage.is_byok}) that amount is only OpenRouter's fee, so
 *       {@code usage.cost_details.upstream_inference_cost}, what the provider charged the key, is
 *       added to it;</li>
 *   <li>a {@code null} or absent {@code usage} (vLLM, some proxies) leaves usage unknown;
 *       llama.cpp's {@code timings}, Groq's {@code x_groq} and {@code usage.queue_time},
 *       OpenRouter's {@code provider} and Azure's content filter results are skipped;</li>
 *   <li>a body with an {@code error} object and no choice, which OpenRouter sends with status 200
 *       when the model fails after the request was accepted, is not a response: its error message
 *       is reported.</li>
 * </ul>
 */
public final class OpenAiResponseReader {

    private OpenAiResponseReader() {
    }

    /**
     * @param body the response body
     * @param requestedModel the model asked for, used if the body names none
     * @return the response, without provider id or latency; with a cost only if the body reports one
     * @throws JsonParsingException if the body is not a Chat Completions response
     * @throws IllegalStateException if a tool call has no function name
     */
    public static ChatResponse read(byte[] body, String requestedModel) {
        ChatResponse.Builder response = ChatResponse.builder().model(requestedModel);
        OpenAiToolCalls calls = new OpenAiToolCalls();
        try (JsonParser p = JsonSupport.parser(body)) {
            CompletionMembers found = CompletionMembers.read(p, response, (q, v) -> readChoices(q, v, response, calls));
            if (!found.sawChoice()) {
                throw new JsonParsingException(found.errorText() == null ? "the response has no choice"
                        : "the response carries an error instead of a choice: " + found.errorText(), p.getLocation());
            }
        }
        return response.toolCalls(calls.calls()).build();
    }

    private static boolean readChoices(JsonParser p, Event v, ChatResponse.Builder response, OpenAiToolCalls calls) {
        return JsonReading.firstObject(p, v, q -> readChoice(q, response, calls));
    }

    private static void readChoice(JsonParser p, ChatResponse.Builder response, OpenAiToolCalls calls) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "message" -> {
                    if (v == Event.START_OBJECT) {
                        readMessage(p, response, calls);
                    } else {
                        JsonReading.skip(p, v);
                    }
                }
                case "finish_reason" -> {
                    String raw = JsonReading.string(p, v);
                    response.rawFinishReason(raw).finishReason(finishReason(raw));
                }
                default -> JsonReading.skip(p, v);
            }
        }
    }

    private static void readMessage(JsonParser p, ChatResponse.Builder response, OpenAiToolCalls calls) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "content" -> {
                    String content = content(p, v);
                    response.text(content == null ? "" : content);
                }
                case "tool_calls" -> OpenAiToolCalls.parts(p, v).forEach(calls::add);
                default -> JsonReading.skip(p, v);
            }
        }
    }

    /**
     * @param p the parser, on the event that starts a message's or delta's {@code content}
     * @param v that event
     * @return the text: the string, or the joined {@code text} of the {@code text} parts of an
     *     array (Mistral's reasoning models answer with {@code thinking} and {@code text} parts);
     *     {@code null} for a {@code null}
     */
    static String content(JsonParser p, Event v) {
        if (v != Event.START_ARRAY) {
            return JsonReading.string(p, v);
        }
        StringBuilder text = new StringBuilder();
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (e == Event.START_OBJECT) {
                textPart(p, text);
            } else {
                JsonReading.skip(p, e);
            }
        }
        return text.toString();
    }

    private static void textPart(JsonParser p, StringBuilder text) {
        String type = null;
        String partText = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "type" -> type = JsonReading.string(p, v);
                case "text" -> partText = JsonReading.string(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        if ("text".equals(type) && partText != null) {
            text.append(partText);
        }
    }

    /**
     * @param raw a finish reason of the Chat Completions family, or {@code null}
     * @return its normalised form; Mistral's {@code model_length} (the model's context is full) is a
     *     length stop too
     */
    public static FinishReason finishReason(String raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "stop" -> FinishReason.STOP;
            case "length", "model_length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
