package dev.tollgate.impl.provider;

import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * Writes a request's tools, and an assistant message's tool calls, in the function form that the
 * OpenAI Chat Completions API set and other providers copied: {@code "tools": [{"type":
 * "function", "function": {name, description, parameters}}]} and {@code "tool_calls": [{id,
 * "type": "function", "function": {name, arguments}}]}.
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

    /**
     * @param g the generator, inside an assistant message
     * @param calls the message's calls, not empty
     */
    public static void writeCalls(JsonGenerator g, List<ToolCall> calls) {
        g.writeStartArray("tool_calls");
        for (ToolCall call : calls) {
            g.writeStartObject()
                    .write("id", call.id())
                    .write("type", "function")
                    .writeStartObject("function")
                    .write("name", call.name())
                    .write("arguments", call.arguments())
                    .writeEnd()
                    .writeEnd();
        }
        g.writeEnd();
    }
}
