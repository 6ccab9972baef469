package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Role;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.stream.JsonGenerator;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a Cohere v2 Chat request body: {@code model}, {@code messages}
 * with roles {@code system}, {@code user} and {@code assistant}, {@code temperature}, {@code p}
 * (top-p), {@code max_tokens}, {@code stop_sequences}, {@code seed} and {@code response_format}
 * ({@code json_object}, with the {@code json_schema} when the request has one), then the
 * {@code extra} parameters as they are (for example {@code safety_mode}, {@code k},
 * {@code documents}).
 *
 * <p>Tools, and the messages that carry tool calls and tool results, are not written yet: a
 * request with them is refused rather than sent without them.
 */
final class CohereRequestWriter {
    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "temperature", "p", "max_tokens",
            "stop_sequences", "seed", "response_format", "tools", "stream");

    private CohereRequestWriter() {
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if the request has
     *     tools or tool messages, or an extra parameter repeats a typed option or has a value JSON
     *     cannot hold
     */
    static byte[] write(ChatRequest request, String providerId) {
        String model = request.model().orElseThrow();
        if (!request.tools().isEmpty()
                || request.messages().stream().anyMatch(m -> m.role() == Role.TOOL || !m.toolCalls().isEmpty())) {
            throw RequestChecks.invalid(providerId, model, "provider '" + providerId
                    + "' (type cohere) does not send tools, tool calls or tool results yet");
        }
        RequestChecks.rejectExtraOverlap(request, providerId, model, TYPED_FIELDS);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            g.write("model", model);
            g.writeStartArray("messages");
            for (Message m : request.messages()) {
                g.writeStartObject()
                        .write("role", m.role().name().toLowerCase(Locale.ROOT))
                        .write("content", m.content())
                        .writeEnd();
            }
            g.writeEnd();
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
            RequestChecks.writeExtra(g, request);
            g.writeEnd();
        });
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
