package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Map;
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
        for (String key : request.extra().keySet()) {
            if (TYPED_FIELDS.contains(key)) {
                throw LlmException.builder(ErrorCategory.INVALID_REQUEST).provider(providerId).model(model)
                        .message("extra parameter '" + key + "' repeats an option of ChatRequest; use the typed option")
                        .build();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JsonSupport.generator(out)) {
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
            for (Map.Entry<String, Object> e : request.extra().entrySet()) {
                JsonSupport.write(g, e.getKey(), e.getValue());
            }
            g.writeEnd();
        } catch (IllegalArgumentException e) {
            throw LlmException.builder(ErrorCategory.INVALID_REQUEST).provider(providerId).model(model)
                    .message("extra parameter cannot be written as JSON: " + e.getMessage()).cause(e).build();
        }
        return out.toByteArray();
    }
}
