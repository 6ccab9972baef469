package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.impl.provider.RequestChecks;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a Cohere v2 Chat request body: {@code model}, {@code messages}
 * with roles {@code system}, {@code user} and {@code assistant}, {@code temperature}, {@code p}
 * (top-p), {@code max_tokens}, {@code stop_sequences} and {@code seed}, then the {@code extra}
 * parameters as they are (for example {@code safety_mode}, {@code k}, {@code response_format}).
 */
final class CohereRequestWriter {
    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "temperature", "p", "max_tokens",
            "stop_sequences", "seed", "stream");

    private CohereRequestWriter() {
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if an extra parameter
     *     repeats a typed option or has a value JSON cannot hold
     */
    static byte[] write(ChatRequest request, String providerId) {
        String model = request.model().orElseThrow();
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
            RequestChecks.writeExtra(g, request);
            g.writeEnd();
        });
    }
}
