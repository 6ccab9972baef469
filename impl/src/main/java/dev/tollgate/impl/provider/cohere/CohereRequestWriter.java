package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.impl.provider.FunctionTools;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.stream.JsonGenerator;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a Cohere v2 Chat request body: {@code model}, {@code messages},
 * {@code tools}, {@code temperature}, {@code p} (top-p), {@code max_tokens},
 * {@code stop_sequences}, {@code seed}, {@code response_format} ({@code json_object}, with the
 * {@code json_schema} when the request has one; Cohere's format has no name for the schema),
 * {@code "stream": true} for a streamed answer, then the {@code extra} parameters as they are (for
 * example {@code safety_mode}, {@code k}, {@code documents}).
 *
 * <p>Messages: {@code system}, {@code user} and {@code assistant} with their {@code content}; an
 * assistant message that called tools as {@code tool_calls}, its text (if any) as the
 * {@code tool_plan}; a tool result as {@code {"role": "tool", "tool_call_id", "content"}}. Tools
 * are {@code {"type": "function", "function": {...}}}; no {@code tool_choice} is sent, so the
 * model decides whether to call one.
 */
final class CohereRequestWriter {
    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "temperature", "p", "max_tokens",
            "stop_sequences", "seed", "response_format", "tools", "stream");

    private CohereRequestWriter() {
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @param stream whether the answer is to be streamed
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if an extra parameter
     *     repeats a typed option or has a value JSON cannot hold
     */
    static byte[] write(ChatRequest request, String providerId, boolean stream) {
        String model = request.model().orElseThrow();
        RequestChecks.rejectExtraOverlap(request, providerId, model, TYPED_FIELDS);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            g.write("model", model);
            g.writeStartArray("messages");
            request.messages().forEach(m -> writeMessage(g, m));
            g.writeEnd();
            if (!request.tools().isEmpty()) {
                FunctionTools.write(g, request.tools());
            }
            request.temperature().ifPresent(t -> g.write("temperature", t));
            request.topP().ifPresent(p -> g.write("p", p));
            request.maxTokens().ifPresent(t -> g.write("max_tokens", t));
            if (!request.stop().isEmpty()) {
                g.writeStartArray("stop_sequences");
                request.stop().forEach(g::write);
                g.writeEnd();
            }
            request.seed().ifPresent(s -> g.write("seed", s));
            writeResponseFormat(g, request.responseFormat());
            if (stream) {
                g.write("stream", true);
            }
            RequestChecks.writeExtra(g, request);
            g.writeEnd();
        });
    }

    private static void writeMessage(JsonGenerator g, Message m) {
        g.writeStartObject().write("role", m.role().name().toLowerCase(Locale.ROOT));
        if (m.toolCallId().isPresent()) {
            g.write("tool_call_id", m.toolCallId().get()).write("content", m.content());
        } else if (!m.toolCalls().isEmpty()) {
            if (!m.content().isEmpty()) {
                g.write("tool_plan", m.content());
            }
            FunctionTools.writeCalls(g, m.toolCalls());
        } else {
            g.write("content", m.content());
        }
        g.writeEnd();
    }

    private static void writeResponseFormat(JsonGenerator g, ResponseFormat format) {
        if (format.kind() == ResponseFormat.Kind.TEXT) {
            return;
        }
        g.writeStartObject("response_format").write("type", "json_object");
        format.schema().ifPresent(schema -> g.write("json_schema", schema));
        g.writeEnd();
    }
}
