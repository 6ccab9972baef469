package dev.tollgate.impl.structured;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;

/**
 * Asks for an answer of a Java type and reads it back: the request gets the type's JSON schema
 * as its response format; the answer must be a JSON object with every required property of the
 * schema, which JSON-B then binds to the type.
 */
public final class StructuredAnswers {
    private volatile Jsonb jsonb;

    /**
     * @param request the application's request
     * @param type the answer's type
     * @return the request with the type's schema as its response format
     * @throws IllegalArgumentException if the type has no JSON schema
     */
    public ChatRequest request(ChatRequest request, Class<?> type) {
        return request.toBuilder()
                .responseFormat(ResponseFormat.jsonSchema(type.getSimpleName(), JsonSchemas.of(type)))
                .build();
    }

    /**
     * @param <T> the answer's type
     * @param answer the provider's answer
     * @param type the answer's type
     * @return the answer bound to the type
     * @throws LlmException of category {@link ErrorCategory#INVALID_RESPONSE}, with the raw answer
     *     as its provider message, if the answer does not fit the type
     */
    public <T> T read(ChatResponse answer, Class<T> type) {
        String text = answer.text().strip();
        JsonObject object;
        try (JsonReader reader = JsonSupport.provider().createReader(new StringReader(text))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw misfit(answer, type, "it is not a JSON object", e);
        }
        JsonObject schema = JsonSchemas.of(type);
        for (JsonValue name : schema.getJsonArray("required")) {
            String property = ((jakarta.json.JsonString) name).getString();
            JsonValue value = object.get(property);
            if (value == null) {
                throw misfit(answer, type, "property '" + property + "' is missing", null);
            }
            if (value.getValueType() == JsonValue.ValueType.NULL && !nullable(schema, property)) {
                throw misfit(answer, type, "property '" + property + "' is null", null);
            }
        }
        try {
            return jsonb().fromJson(text, type);
        } catch (JsonbException | IllegalArgumentException e) {
            throw misfit(answer, type, e.getMessage(), e);
        }
    }

    private static boolean nullable(JsonObject schema, String property) {
        JsonObject p = schema.getJsonObject("properties").getJsonObject(property);
        JsonValue t = p.get("type");
        return t == null || t.getValueType() == JsonValue.ValueType.ARRAY;
    }

    private Jsonb jsonb() {
        Jsonb j = jsonb;
        if (j == null) {
            synchronized (this) {
                j = jsonb;
                if (j == null) {
                    j = JsonbBuilder.create();
                    jsonb = j;
                }
            }
        }
        return j;
    }

    private static LlmException misfit(ChatResponse answer, Class<?> type, String why, Throwable cause) {
        return LlmException.builder(ErrorCategory.INVALID_RESPONSE)
                .provider(answer.provider())
                .model(answer.model())
                .requestId(answer.requestId().orElse(null))
                .providerMessage(answer.text())
                .message("the answer does not fit " + type.getName() + ": " + why)
                .cause(cause)
                .build();
    }
}
