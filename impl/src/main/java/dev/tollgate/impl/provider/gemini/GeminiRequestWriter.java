package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Role;
import dev.tollgate.impl.json.JsonSupport;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.stream.JsonGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a {@code generateContent} request body: user and assistant
 * messages as {@code contents} (roles {@code user} and {@code model}), system messages as the
 * parts of {@code systemInstruction}, and the typed options in {@code generationConfig}.
 *
 * <p>{@code extra} parameters become members of the body, except {@code generationConfig}: a map
 * under that name is merged into the {@code generationConfig} object, so that fields such as
 * {@code topK}, {@code responseMimeType} or {@code thinkingConfig} can be set. Google reads both
 * lowerCamelCase and snake_case names, so neither spelling of a typed field may be repeated.
 */
final class GeminiRequestWriter {
    static final String GENERATION_CONFIG = "generationConfig";

    private static final Set<String> TYPED_FIELDS = Set.of("contents", "systemInstruction", "system_instruction",
            "generation_config");
    private static final Set<String> TYPED_CONFIG_FIELDS = Set.of("temperature", "topP", "top_p", "maxOutputTokens",
            "max_output_tokens", "stopSequences", "stop_sequences", "seed");

    private GeminiRequestWriter() {
    }

    /**
     * @param request the request
     * @param providerId the provider id, for errors
     * @param model the model id, for errors
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if the request has tools,
     *     tool messages or a response format other than text, an extra parameter repeats a typed
     *     option, {@code generationConfig} is not a map, or a value JSON cannot hold
     */
    static byte[] write(ChatRequest request, String providerId, String model) {
        rejectToolsAndFormats(request, providerId, model);
        RequestChecks.rejectExtraOverlap(request, providerId, model, TYPED_FIELDS);
        Map<String, Object> config = generationConfig(request, providerId, model);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            g.writeStartArray("contents");
            for (Message m : request.messages()) {
                if (m.role() != Role.SYSTEM) {
                    g.writeStartObject().write("role", m.role() == Role.ASSISTANT ? "model" : "user");
                    writeTextParts(g, m.content());
                    g.writeEnd();
                }
            }
            g.writeEnd();
            writeSystemInstruction(g, request);
            if (!config.isEmpty()) {
                JsonSupport.write(g, GENERATION_CONFIG, config);
            }
            for (Map.Entry<String, Object> e : request.extra().entrySet()) {
                if (!e.getKey().equals(GENERATION_CONFIG)) {
                    JsonSupport.write(g, e.getKey(), e.getValue());
                }
            }
            g.writeEnd();
        });
    }

    /** This writer sends neither tools nor answer schemas; dropping them silently would change the answer. */
    private static void rejectToolsAndFormats(ChatRequest request, String providerId, String model) {
        String unsupported = null;
        if (!request.tools().isEmpty()) {
            unsupported = "tools";
        } else if (request.responseFormat().kind() != ResponseFormat.Kind.TEXT) {
            unsupported = "the response format " + request.responseFormat().kind();
        } else if (request.messages().stream().anyMatch(m -> m.role() == Role.TOOL || !m.toolCalls().isEmpty())) {
            unsupported = "tool calls and tool results in messages";
        }
        if (unsupported != null) {
            throw RequestChecks.invalid(providerId, model, "provider '" + providerId + "' does not support "
                    + unsupported);
        }
    }

    /**
     * @return the typed options as {@code generationConfig} fields, followed by the fields of an
     *     extra {@code generationConfig} map; empty if there are none
     */
    private static Map<String, Object> generationConfig(ChatRequest request, String providerId, String model) {
        Map<String, Object> config = new LinkedHashMap<>();
        request.temperature().ifPresent(t -> config.put("temperature", t));
        request.topP().ifPresent(t -> config.put("topP", t));
        request.maxTokens().ifPresent(t -> config.put("maxOutputTokens", t));
        if (!request.stop().isEmpty()) {
            config.put("stopSequences", request.stop());
        }
        request.seed().ifPresent(s -> config.put("seed", s));
        if (!request.extra().containsKey(GENERATION_CONFIG)) {
            return config;
        }
        if (!(request.extra().get(GENERATION_CONFIG) instanceof Map<?, ?> extra)) {
            throw RequestChecks.invalid(providerId, model,
                    "extra parameter 'generationConfig' must be a map of generation config fields");
        }
        for (Map.Entry<?, ?> e : extra.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw RequestChecks.invalid(providerId, model,
                        "extra parameter 'generationConfig' has a key that is not a string: " + e.getKey());
            }
            if (TYPED_CONFIG_FIELDS.contains(key)) {
                throw RequestChecks.invalid(providerId, model, "extra parameter 'generationConfig." + key
                        + "' repeats an option of ChatRequest; use the typed option");
            }
            config.put(key, e.getValue());
        }
        return config;
    }

    private static void writeTextParts(JsonGenerator g, String text) {
        g.writeStartArray("parts").writeStartObject().write("text", text).writeEnd().writeEnd();
    }

    private static void writeSystemInstruction(JsonGenerator g, ChatRequest request) {
        if (request.messages().stream().noneMatch(m -> m.role() == Role.SYSTEM)) {
            return;
        }
        g.writeStartObject("systemInstruction").writeStartArray("parts");
        for (Message m : request.messages()) {
            if (m.role() == Role.SYSTEM) {
                g.writeStartObject().write("text", m.content()).writeEnd();
            }
        }
        g.writeEnd().writeEnd();
    }
}
