package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Role;
import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request's messages as Converse's {@code messages} and {@code system}:
 * <ol>
 *   <li>system messages go, in order, to {@code system}, each as one text block;</li>
 *   <li>a user message is one text block;</li>
 *   <li>an assistant message is its text block, left out when empty and the message called tools,
 *       then one {@code toolUse} block {@code {toolUseId, name, input}} per call, the input being
 *       the call's arguments as JSON;</li>
 *   <li>a tool result is a {@code toolResult} block {@code {toolUseId, content}} of a user message,
 *       its content {@code [{"json": …}]} when the result is a JSON object, otherwise
 *       {@code [{"text": …}]}; consecutive results, and a user message right after them, share one
 *       user message, since Converse wants user and assistant turns to alternate.</li>
 * </ol>
 */
final class BedrockConversation {
    private final List<Message> messages;
    private final Map<ToolCall, JsonValue> inputs;

    private BedrockConversation(List<Message> messages, Map<ToolCall, JsonValue> inputs) {
        this.messages = messages;
        this.inputs = inputs;
    }

    /**
     * @param messages the request's messages
     * @param providerId the provider id, for errors
     * @param model the model, for errors
     * @return the conversation
     * @throws LlmException of category {@link dev.tollgate.api.ErrorCategory#INVALID_REQUEST} if a
     *     tool call's arguments are not JSON
     */
    static BedrockConversation of(List<Message> messages, String providerId, String model) {
        Map<ToolCall, JsonValue> inputs = new HashMap<>();
        for (Message m : messages) {
            for (ToolCall call : m.toolCalls()) {
                inputs.put(call, input(call, providerId, model));
            }
        }
        return new BedrockConversation(messages, inputs);
    }

    private static JsonValue input(ToolCall call, String providerId, String model) {
        if (call.arguments().isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue input = JsonReading.value(call.arguments());
        if (input == null) {
            throw RequestChecks.invalid(providerId, model, "the arguments of tool call '" + call.id()
                    + "' are not JSON; Converse takes a call's input as a JSON document");
        }
        return input;
    }

    /**
     * Writes {@code messages}, and {@code system} if there are system messages, as members of the
     * body object.
     *
     * @param g the generator, inside the body object
     */
    void write(JsonGenerator g) {
        g.writeStartArray("messages");
        boolean resultsOpen = false;
        for (Message m : messages) {
            switch (m.role()) {
                case SYSTEM -> {
                    // written to system below
                }
                case TOOL -> {
                    if (!resultsOpen) {
                        startMessage(g, "user");
                        resultsOpen = true;
                    }
                    writeToolResult(g, m);
                }
                case USER -> {
                    if (!resultsOpen) {
                        startMessage(g, "user");
                    }
                    writeText(g, m.content());
                    g.writeEnd().writeEnd();
                    resultsOpen = false;
                }
                case ASSISTANT -> {
                    if (resultsOpen) {
                        g.writeEnd().writeEnd();
                        resultsOpen = false;
                    }
                    writeAssistant(g, m);
                }
            }
        }
        if (resultsOpen) {
            g.writeEnd().writeEnd();
        }
        g.writeEnd();
        writeSystem(g);
    }

    private void writeSystem(JsonGenerator g) {
        if (messages.stream().noneMatch(m -> m.role() == Role.SYSTEM)) {
            return;
        }
        g.writeStartArray("system");
        for (Message m : messages) {
            if (m.role() == Role.SYSTEM) {
                writeText(g, m.content());
            }
        }
        g.writeEnd();
    }

    /** Starts a message and its {@code content} array. */
    private static void startMessage(JsonGenerator g, String role) {
        g.writeStartObject().write("role", role).writeStartArray("content");
    }

    private void writeAssistant(JsonGenerator g, Message m) {
        startMessage(g, "assistant");
        if (!m.content().isEmpty() || m.toolCalls().isEmpty()) {
            writeText(g, m.content());
        }
        for (ToolCall call : m.toolCalls()) {
            g.writeStartObject().writeStartObject("toolUse")
                    .write("toolUseId", call.id())
                    .write("name", call.name())
                    .write("input", inputs.get(call))
                    .writeEnd().writeEnd();
        }
        g.writeEnd().writeEnd();
    }

    private static void writeToolResult(JsonGenerator g, Message result) {
        g.writeStartObject().writeStartObject("toolResult")
                .write("toolUseId", result.toolCallId().orElseThrow())
                .writeStartArray("content");
        JsonObject json = jsonObject(result.content());
        if (json != null) {
            g.writeStartObject().write("json", json).writeEnd();
        } else {
            writeText(g, result.content());
        }
        g.writeEnd().writeEnd().writeEnd();
    }

    private static void writeText(JsonGenerator g, String text) {
        g.writeStartObject().write("text", text).writeEnd();
    }

    /** @return the content as a JSON object, or {@code null} if it is not one */
    private static JsonObject jsonObject(String content) {
        if (!content.strip().startsWith("{")) {
            return null;
        }
        return JsonReading.value(content) instanceof JsonObject object ? object : null;
    }
}
