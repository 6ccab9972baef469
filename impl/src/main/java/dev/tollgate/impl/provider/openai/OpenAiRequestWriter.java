package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.impl.provider.RequestChecks;
import java.util.Locale;
import java.util.Set;

/** Writes a {@link ChatRequest} as a Chat Completions request body. */
final class OpenAiRequestWriter {
    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "temperature", "top_p",
            "max_tokens", "max_completion_tokens", "stop", "seed", "stream", "stream_options");

    private final String maxTokensField;

    OpenAiRequestWriter(String maxTokensField) {
        this.maxTokensField = maxTokensField;
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if an extra parameter
     *     repeats a typed option or has a value JSON cannot hold
     */
    byte[] write(ChatRequest request, String providerId) {
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
            request.topP().ifPresent(t -> g.write("top_p", t));
            request.maxTokens().ifPresent(t -> g.write(maxTokensField, t));
            if (!request.stop().isEmpty()) {
                g.writeStartArray("stop");
                request.stop().forEach(g::write);
                g.writeEnd();
            }
            request.seed().ifPresent(s -> g.write("seed", s));
            RequestChecks.writeExtra(g, request);
            g.writeEnd();
        });
    }
}
