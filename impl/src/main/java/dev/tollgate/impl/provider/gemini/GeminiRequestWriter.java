package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Role;
import dev.tollgate.api.Tool;
import dev.tollgate.impl.json.JsonSupport;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a {@code generateContent} request body: the messages as
 * {@code contents} ({@link GeminiContents}), system messages as the parts of
 * {@code systemInstruction}, tools as {@code functionDeclarations}, and the typed options in
 * {@code generationConfig}.
 *
 * <ol>
 *   <li>A tool's JSON schema is sent as {@code parametersJsonSchema}, which takes JSON Schema as it
 *       is; {@code parameters} takes only an OpenAPI subset without {@code additionalProperties}
 *       or type lists. No {@code toolConfig} is written: the model decides whether to call.</li>
 *   <li>The response format {@code JSON} is {@code responseMimeType: application/json};
 *       {@code JSON_SCHEMA} adds the schema as {@code responseJsonSchema} (Gemini 2.5 and later),
 *       which accepts the JSON Schema {@link dev.tollgate.impl.structured.JsonSchemas} derives,
 *       nullable type lists and {@code additionalProperties: false} included, where the older
 *       {@code responseSchema} would refuse both. Google has no field for the schema's name, so it
 *       becomes the schema's {@code title} unless the schema has one.</li>
 *   <li>{@code extra} parameters become members of the body, except {@code generationConfig}: a map
 *       under that name is merged into the {@code generationConfig} object, so that fields such as
 *       {@code topK} or {@code thinkingConfig} can be set. Google reads both lowerCamelCase and
 *       snake_case names, so neither spelling of a field written from a typed option may be
 *       repeated: {@code tools} when the request has tools, the response fields when it has a
 *       format other than text.</li>
 * </ol>
 */
final class GeminiRequestWriter {
    static final String GENERATION_CONFIG = "generationConfig";

    private static final Set<String> TYPED_FIELDS = Set.of("contents", "systemInstruction", "system_instruction",
            "generation_config");
    private static final Set<String> TOOL_FIELDS = Set.of("tools");
    private static final Set<String> TYPED_CONFIG_FIELDS = Set.of("temperature", "topP", "top_p", "maxOutputTokens",
            "max_output_tokens", "stopSequences", "stop_sequences", "seed");
    private static final Set<String> FORMAT_CONFIG_FIELDS = Set.of("responseMimeType", "response_mime_type",
            "responseSchema", "response_schema", "responseJsonSchema", "response_json_schema");

    private GeminiRequestWriter() {
    }

    /**
     * @param request the request
     * @param providerId the provider id, for errors
     * @param model the model id, for errors
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if an extra parameter
     *     repeats a typed option, {@code generationConfig} is not a map, a tool result answers no
     *     earlier call, or a value JSON cannot hold
     */
    static byte[] write(ChatRequest request, String providerId, String model) {
        Set<String> typed = new HashSet<>(TYPED_FIELDS);
        if (!request.tools().isEmpty()) {
            typed.addAll(TOOL_FIELDS);
        }
        RequestChecks.rejectExtraOverlap(request, providerId, model, typed);
        Map<String, Object> config = generationConfig(request, providerId, model);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            GeminiContents.write(g, request.messages(), providerId, model);
            writeSystemInstruction(g, request);
            writeTools(g, request);
            if (!config.isEmpty()) {
                g.writeStartObject(GENERATION_CONFIG);
                config.forEach((key, value) -> {
                    if (value instanceof JsonValue json) {
                        g.write(key, json);
                    } else {
                        JsonSupport.write(g, key, value);
                    }
                });
                g.writeEnd();
            }
            for (Map.Entry<String, Object> e : request.extra().entrySet()) {
                if (!e.getKey().equals(GENERATION_CONFIG)) {
                    JsonSupport.write(g, e.getKey(), e.getValue());
                }
            }
            g.writeEnd();
        });
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
        ResponseFormat format = request.responseFormat();
        if (format.kind() != ResponseFormat.Kind.TEXT) {
            config.put("responseMimeType", "application/json");
        }
        if (format.kind() == ResponseFormat.Kind.JSON_SCHEMA) {
            config.put("responseJsonSchema", titled(format.schema().orElseThrow(), format.name().orElseThrow()));
        }
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
            if (TYPED_CONFIG_FIELDS.contains(key)
                    || format.kind() != ResponseFormat.Kind.TEXT && FORMAT_CONFIG_FIELDS.contains(key)) {
                throw RequestChecks.invalid(providerId, model, "extra parameter 'generationConfig." + key
                        + "' repeats an option of ChatRequest; use the typed option");
            }
            config.put(key, e.getValue());
        }
        return config;
    }

    private static JsonObject titled(JsonObject schema, String name) {
        return schema.containsKey("title") ? schema
                : JsonSupport.provider().createObjectBuilder(schema).add("title", name).build();
    }

    private static void writeTools(JsonGenerator g, ChatRequest request) {
        if (request.tools().isEmpty()) {
            return;
        }
        g.writeStartArray("tools").writeStartObject().writeStartArray("functionDeclarations");
        for (Tool tool : request.tools()) {
            g.writeStartObject().write("name", tool.name());
            if (!tool.description().isEmpty()) {
                g.write("description", tool.description());
            }
            g.write("parametersJsonSchema", tool.parameters()).writeEnd();
        }
        g.writeEnd().writeEnd().writeEnd();
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
