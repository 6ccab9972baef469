package dev.tollgate.api;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function the model may call: its name, what it does, and the JSON schema of its arguments.
 * The model answers with {@link ToolCall}s; the application runs them and sends the results back
 * as {@linkplain Message#toolResult(String, String) tool results}.
 *
 * <p>Instances are immutable.
 */
public final class Tool {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String name;
    private final String description;
    private final JsonObject parameters;

    private Tool(String name, String description, JsonObject parameters) {
        this.name = name;
        this.description = description;
        this.parameters = parameters;
    }

    /**
     * @param name 1 to 64 letters, digits, {@code _} or {@code -}
     * @param description what the function does, for the model
     * @param parameters the JSON schema of its arguments, an object schema
     * @return the tool
     * @throws IllegalArgumentException if the name is not valid
     */
    public static Tool of(String name, String description, JsonObject parameters) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must be 1 to 64 of [A-Za-z0-9_-]: " + name);
        }
        return new Tool(name, Objects.requireNonNull(description, "description"),
                Objects.requireNonNull(parameters, "parameters"));
    }

    /** @return the function's name */
    public String name() {
        return name;
    }

    /** @return what the function does */
    public String description() {
        return description;
    }

    /** @return the JSON schema of its arguments */
    public JsonObject parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tool t && name.equals(t.name) && description.equals(t.description)
                && parameters.equals(t.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, parameters);
    }

    @Override
    public String toString() {
        return "Tool[" + name + "]";
    }
}
