package dev.tollgate.impl.provider;

import dev.tollgate.api.Tool;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * Writes a request's tools in the function form that the OpenAI Chat Completions API set and
 * other providers copied: {@code "tools": [{"type": "function", "function": {name, description,
 * parameters}}]}.
 */
public final class FunctionTools {
    private FunctionTools() {
    }

    /**
     * @param g the generator, inside the request object
     * @param tools the request's tools, not empty
     */
    public static void write(JsonGenerator g, List<Tool> tools) {
        g.writeStartArray("tools");
        for (Tool tool : tools) {
            g.writeStartObject()
                    .write("type", "function")
                    .writeStartObject("function")
                    .write("name", tool.name())
                    .write("description", tool.description())
                    .write("parameters", tool.parameters())
                    .writeEnd()
                    .writeEnd();
        }
        g.writeEnd();
    }
}
