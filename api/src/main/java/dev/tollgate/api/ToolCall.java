package dev.tollgate.api;

import java.util.Objects;

/**
 * The model's request to call a {@link Tool}.
 *
 * @param id the provider's id of the call, which the tool result must name
 * @param name the tool's name
 * @param arguments the arguments, a JSON object as text
 */
public record ToolCall(String id, String name, String arguments) {
    /**
     * @throws NullPointerException if a part is missing
     */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
