package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Role;
import dev.tollgate.impl.json.JsonSupport;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.stream.JsonGenerator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a Converse request body.
 *
 * <ol>
 *   <li>System messages go, in order, to {@code system}; user and assistant messages to
 *       {@code messages}, each as one text block.</li>
 *   <li>Max tokens, temperature, top-p and stop sequences go to {@code inferenceConfig}; a seed is
 *       refused, since Converse has none.</li>
 *   <li>An {@code extra} parameter named like a top-level Converse field that Tollgate does not
 *       write itself ({@link #TOP_LEVEL_FIELDS}) is written at the top level; every other one
 *       is a parameter of the model and goes to {@code additionalModelRequestFields}.</li>
 * </ol>
 */
final class BedrockRequestWriter {
    /** The top-level Converse fields an {@code extra} parameter may set. */
    static final Set<String> TOP_LEVEL_FIELDS = Set.of("toolConfig", "guardrailConfig", "promptVariables",
            "additionalModelResponseFieldPaths", "requestMetadata", "performanceConfig", "serviceTier",
            "outputConfig");

    /**
     * The fields written from typed options, and {@code additionalModelRequestFields}, which the
     * writer fills from the other {@code extra} parameters.
     */
    private static final Set<String> TYPED_FIELDS = Set.of("modelId", "messages", "system", "inferenceConfig",
            "maxTokens", "temperature", "topP", "stopSequences", "additionalModelRequestFields");

    private BedrockRequestWriter() {
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if the request sets a
     *     seed, or an extra parameter repeats a typed option or has a value JSON cannot hold
     */
    static byte[] write(ChatRequest request, String providerId) {
        String model = request.model().orElseThrow();
        RequestChecks.rejectUnsupported(request, providerId, model, EnumSet.of(RequestChecks.Option.SEED));
        RequestChecks.rejectExtraOverlap(request, providerId, model, TYPED_FIELDS);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            writeMessages(g, request);
            writeSystem(g, request);
            writeInferenceConfig(g, request);
            writeExtra(g, request);
            g.writeEnd();
        });
    }

    private static void writeMessages(JsonGenerator g, ChatRequest request) {
        g.writeStartArray("messages");
        for (Message m : request.messages()) {
            if (m.role() != Role.SYSTEM) {
                g.writeStartObject().write("role", m.role().name().toLowerCase(Locale.ROOT));
                writeText(g.writeStartArray("content"), m.content()).writeEnd();
                g.writeEnd();
            }
        }
        g.writeEnd();
    }

    private static void writeSystem(JsonGenerator g, ChatRequest request) {
        if (request.messages().stream().noneMatch(m -> m.role() == Role.SYSTEM)) {
            return;
        }
        g.writeStartArray("system");
        for (Message m : request.messages()) {
            if (m.role() == Role.SYSTEM) {
                writeText(g, m.content());
            }
        }
        g.writeEnd();
    }

    private static JsonGenerator writeText(JsonGenerator g, String text) {
        return g.writeStartObject().write("text", text).writeEnd();
    }

    private static void writeInferenceConfig(JsonGenerator g, ChatRequest request) {
        if (request.maxTokens().isEmpty() && request.temperature().isEmpty() && request.topP().isEmpty()
                && request.stop().isEmpty()) {
            return;
        }
        g.writeStartObject("inferenceConfig");
        request.maxTokens().ifPresent(t -> g.write("maxTokens", t));
        request.temperature().ifPresent(t -> g.write("temperature", t));
        request.topP().ifPresent(t -> g.write("topP", t));
        if (!request.stop().isEmpty()) {
            g.writeStartArray("stopSequences");
            request.stop().forEach(g::write);
            g.writeEnd();
        }
        g.writeEnd();
    }

    private static void writeExtra(JsonGenerator g, ChatRequest request) {
        boolean modelFields = false;
        for (Map.Entry<String, Object> e : request.extra().entrySet()) {
            if (TOP_LEVEL_FIELDS.contains(e.getKey())) {
                JsonSupport.write(g, e.getKey(), e.getValue());
            } else {
                modelFields = true;
            }
        }
        if (modelFields) {
            g.writeStartObject("additionalModelRequestFields");
            for (Map.Entry<String, Object> e : request.extra().entrySet()) {
                if (!TOP_LEVEL_FIELDS.contains(e.getKey())) {
                    JsonSupport.write(g, e.getKey(), e.getValue());
                }
            }
            g.writeEnd();
        }
    }
}
