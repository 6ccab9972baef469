package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.impl.provider.RequestChecks;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a Chat Completions request body. The dialects of the protocol
 * differ only in the names of two fields: the output limit ({@code max_tokens} or
 * {@code max_completion_tokens}) and the sampling seed ({@code seed}, Mistral's
 * {@code random_seed}).
 */
public final class OpenAiRequestWriter {
    /** The output limit field of older models and most compatible servers. */
    public static final String MAX_TOKENS = "max_tokens";
    /** The output limit field of OpenAI's current models. */
    public static final String MAX_COMPLETION_TOKENS = "max_completion_tokens";

    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "temperature", "top_p",
            MAX_TOKENS, MAX_COMPLETION_TOKENS, "stop", "seed", "stream", "stream_options");

    private final String maxTokensField;
    private final String seedField;
    private final Set<String> typedFields;

    /**
     * @param maxTokensField {@link #MAX_TOKENS} or {@link #MAX_COMPLETION_TOKENS}
     */
    public OpenAiRequestWriter(String maxTokensField) {
        this(maxTokensField, "seed");
    }

    private OpenAiRequestWriter(String maxTokensField, String seedField) {
        this.maxTokensField = maxTokensField;
        this.seedField = seedField;
        Set<String> typed = new HashSet<>(TYPED_FIELDS);
        typed.add(seedField);
        this.typedFields = Set.copyOf(typed);
    }

    /**
     * @param name the field that carries {@link ChatRequest#seed()}
     * @return a writer that writes the seed under that name
     */
    public OpenAiRequestWriter withSeedField(String name) {
        return new OpenAiRequestWriter(maxTokensField, name);
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if an extra parameter
     *     repeats a typed option or has a value JSON cannot hold
     */
    public byte[] write(ChatRequest request, String providerId) {
        String model = request.model().orElseThrow();
        RequestChecks.rejectExtraOverlap(request, providerId, model, typedFields);
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
            request.seed().ifPresent(s -> g.write(seedField, s));
            RequestChecks.writeExtra(g, request);
            g.writeEnd();
        });
    }
}
