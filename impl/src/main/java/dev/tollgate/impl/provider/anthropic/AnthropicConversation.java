package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Role;
import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A conversation in the Messages API's shape:
 * <ul>
 *   <li>the system messages, which must open the conversation, become the top-level {@code system}
 *       text, joined by blank lines;</li>
 *   <li>user messages and assistant messages without tool calls keep plain-string content;</li>
 *   <li>an assistant message with tool calls has content blocks: its text (if not empty), then a
 *       {@code tool_use} block per call, whose {@code input} is the call's arguments as an object;</li>
 *   <li>tool results are {@code tool_result} blocks of a user message, consecutive results in one
 *       message, as Anthropic wants the answers to one turn's calls together.</li>
 * </ul>
 */
final class AnthropicConversation {
    private final String system;
    private final List<Message> turns;
    private final Map<ToolCall, JsonObject> inputs;

    private AnthropicConversation(String system, List<Message> turns, Map<ToolCall, JsonObject> inputs) {
        this.system = system;
        this.turns = turns;
        this.inputs = inputs;
    }

    /**
     * @param messages the request's messages
     * @param providerId the provider id, for errors
     * @param model the model, for errors
     * @return the conversation
     * @throws LlmException of category {@link dev.tollgate.api.ErrorCategory#INVALID_REQUEST} if a
     *     system message comes after the conversation started, no other message is left, or a tool
     *     call's arguments are not a JSON object
     */
    static AnthropicConversation of(List<Message> messages, String providerId, String model) {
        List<String> system = new ArrayList<>();
        List<Message> turns = new ArrayList<>();
        Map<ToolCall, JsonObject> inputs = new HashMap<>();
        for (Message m : messages) {
            if (m.role() != Role.SYSTEM) {
                turns.add(m);
                for (ToolCall call : m.toolCalls()) {
                    inputs.put(call, input(call, providerId, model));
                }
            } else if (turns.isEmpty()) {
                system.add(m.content());
            } else {
                throw RequestChecks.invalid(providerId, model, "provider '" + providerId
                        + "' takes system messages only at the start of the conversation; move them before the"
                        + " first user or assistant message");
            }
        }
        if (turns.isEmpty()) {
            throw RequestChecks.invalid(providerId, model, "provider '" + providerId
                    + "' needs at least one user or assistant message besides the system messages");
        }
        return new AnthropicConversation(system.isEmpty() ? null : String.join("\n\n", system), turns, inputs);
    }

    private static JsonObject input(ToolCall call, String providerId, String model) {
        if (JsonReading.value(call.arguments()) instanceof JsonObject input) {
            return input;
        }
        throw RequestChecks.invalid(providerId, model, "the arguments of tool call '" + call.id()
                + "' are not a JSON object; Anthropic takes a call's input as an object");
    }

    /**
     * Writes {@code system} (if any) and {@code messages} as members of the body object.
     *
     * @param g the generator, inside the body object
     */
    void write(JsonGenerator g) {
        if (system != null) {
            g.write("system", system);
        }
        g.writeStartArray("messages");
        for (int i = 0; i < turns.size(); i++) {
            Message m = turns.get(i);
            if (m.role() == Role.TOOL) {
                g.writeStartObject().write("role", "user").writeStartArray("content");
                writeToolResult(g, m);
                while (i + 1 < turns.size() && turns.get(i + 1).role() == Role.TOOL) {
                    writeToolResult(g, turns.get(++i));
                }
                g.writeEnd().writeEnd();
            } else if (m.toolCalls().isEmpty()) {
                g.writeStartObject()
                        .write("role", m.role().name().toLowerCase(Locale.ROOT))
                        .write("content", m.content())
                        .writeEnd();
            } else {
                writeToolUse(g, m);
            }
        }
        g.writeEnd();
    }

    private void writeToolUse(JsonGenerator g, Message m) {
        g.writeStartObject().write("role", "assistant").writeStartArray("content");
        if (!m.content().isEmpty()) {
            g.writeStartObject().write("type", "text").write("text", m.content()).writeEnd();
        }
        for (ToolCall call : m.toolCalls()) {
            g.writeStartObject()
                    .write("type", "tool_use")
                    .write("id", call.id())
                    .write("name", call.name())
                    .write("input", inputs.get(call))
                    .writeEnd();
        }
        g.writeEnd().writeEnd();
    }

    private static void writeToolResult(JsonGenerator g, Message result) {
        g.writeStartObject()
                .write("type", "tool_result")
                .write("tool_use_id", result.toolCallId().orElseThrow())
                .write("content", result.content())
                .writeEnd();
    }
}
