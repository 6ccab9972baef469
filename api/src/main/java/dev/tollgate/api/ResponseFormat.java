package dev.tollgate.api;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The form the answer must take: free text, any JSON object, or JSON that fits a schema.
 * Adapters use each provider's native mode (OpenAI {@code response_format}, Anthropic tool
 * forcing, Gemini {@code responseJsonSchema}, Ollama {@code format}); a provider without one refuses
 * the request with {@link ErrorCategory#INVALID_REQUEST}.
 *
 * <p>Instances are immutable.
 */
public final class ResponseFormat {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ResponseFormat TEXT = new ResponseFormat(Kind.TEXT, null, null);
    private static final ResponseFormat JSON = new ResponseFormat(Kind.JSON, null, null);

    /** The kinds of format. */
    public enum Kind {
        /** Free text, the default. */
        TEXT,
        /** Any JSON object. */
        JSON,
        /** JSON that fits a JSON schema. */
        JSON_SCHEMA
    }

    private final Kind kind;
    private final String name;
    private final JsonObject schema;

    private ResponseFormat(Kind kind, String name, JsonObject schema) {
        this.kind = kind;
        this.name = name;
        this.schema = schema;
    }

    /** @return free text */
    public static ResponseFormat text() {
        return TEXT;
    }

    /** @return any JSON object */
    public static ResponseFormat json() {
        return JSON;
    }

    /**
     * @param name the schema's name, 1 to 64 letters, digits, {@code _} or {@code -}
     * @param schema a JSON schema of an object
     * @return JSON that fits the schema
     * @throws IllegalArgumentException if the name is not valid
     */
    public static ResponseFormat jsonSchema(String name, JsonObject schema) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema name must be 1 to 64 of [A-Za-z0-9_-]: " + name);
        }
        return new ResponseFormat(Kind.JSON_SCHEMA, name, Objects.requireNonNull(schema, "schema"));
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the schema's name, for {@link Kind#JSON_SCHEMA} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the schema, for {@link Kind#JSON_SCHEMA} */
    public Optional<JsonObject> schema() {
        return Optional.ofNullable(schema);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseFormat f && kind == f.kind && Objects.equals(name, f.name)
                && Objects.equals(schema, f.schema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name, schema);
    }

    @Override
    public String toString() {
        return kind == Kind.JSON_SCHEMA ? "ResponseFormat[" + name + "]" : "ResponseFormat[" + kind + "]";
    }
}
