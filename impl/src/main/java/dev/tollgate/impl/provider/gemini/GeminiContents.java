package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Role;
import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * Writes the conversation as {@code contents}: user messages as {@code user} turns, assistant
 * messages as {@code model} turns, their tool calls as {@code functionCall} parts, and each run of
 * tool results as one {@code user} turn of {@code functionResponse} parts. System messages are
 * not turns; the request writer puts them in {@code systemInstruction}.
 *
 * <ol>
 *   <li>A {@code functionResponse} names its function, which a tool result does not: the name is
 *       that of the call with the result's id in an earlier assistant message, and a result that
 *       answers no such call is refused.</li>
 *   <li>{@code functionResponse.response} must be an object: a result that is a JSON object is
 *       sent as it is, any other JSON value or text as {@code {"result": <value>}}.</li>
 *   <li>Gemini 3 refuses a {@code functionCall} in the history without the {@code thoughtSignature}
 *       its answer carried. {@link ToolCall} has no place to keep it, so every call is sent with
 *       the value Google documents for calls whose signature is not at hand,
 *       {@value #UNKNOWN_SIGNATURE}; the model then reasons without its earlier thoughts.</li>
 * </ol>
 */
final class GeminiContents {
    static final String UNKNOWN_SIGNATURE = "skip_thought_signature_validator";

    private final List<Message> messages;
    private final String providerId;
    private final String model;

    private GeminiContents(List<Message> messages, String providerId, String model) {
        this.messages = messages;
        this.providerId = providerId;
        this.model = model;
    }

    /**
     * @param g the generator, inside the body object
     * @param messages the request's messages
     * @param providerId the provider id, for errors
     * @param model the model id, for errors
     * @throws LlmException of category INVALID_REQUEST if a tool result answers no earlier call, or
     *     a call's arguments are not a JSON object
     */
    static void write(JsonGenerator g, List<Message> messages, String providerId, String model) {
        new GeminiContents(messages, providerId, model).write(g);
    }

    private void write(JsonGenerator g) {
        g.writeStartArray("contents");
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            switch (m.role()) {
                case SYSTEM -> {
                    // written as systemInstruction
                }
                case USER -> {
                    g.writeStartObject().write("role", "user").writeStartArray("parts");
                    g.writeStartObject().write("text", m.content()).writeEnd();
                    g.writeEnd().writeEnd();
                }
                case ASSISTANT -> writeModelTurn(g, m);
                case TOOL -> {
                    g.writeStartObject().write("role", "user").writeStartArray("parts");
                    writeFunctionResponse(g, i);
                    while (i + 1 < messages.size() && messages.get(i + 1).role() == Role.TOOL) {
                        writeFunctionResponse(g, ++i);
                    }
                    g.writeEnd().writeEnd();
                }
            }
        }
        g.writeEnd();
    }

    private void writeModelTurn(JsonGenerator g, Message m) {
        g.writeStartObject().write("role", "model").writeStartArray("parts");
        if (!m.content().isEmpty() || m.toolCalls().isEmpty()) {
            g.writeStartObject().write("text", m.content()).writeEnd();
        }
        for (ToolCall call : m.toolCalls()) {
            g.writeStartObject().writeStartObject("functionCall").write("name", call.name());
            String id = GeminiToolCalls.wireId(call);
            if (id != null) {
                g.write("id", id);
            }
            g.write("args", arguments(call));
            g.writeEnd().write("thoughtSignature", UNKNOWN_SIGNATURE).writeEnd();
        }
        g.writeEnd().writeEnd();
    }

    private void writeFunctionResponse(JsonGenerator g, int index) {
        Message result = messages.get(index);
        ToolCall call = answeredCall(index, result.toolCallId().orElseThrow());
        g.writeStartObject().writeStartObject("functionResponse").write("name", call.name());
        String id = GeminiToolCalls.wireId(call);
        if (id != null) {
            g.write("id", id);
        }
        JsonValue value = JsonReading.value(result.content());
        g.write("response", value instanceof JsonObject object ? object
                : JsonSupport.provider().createObjectBuilder()
                        .add("result", value != null ? value : JsonSupport.provider().createValue(result.content()))
                        .build());
        g.writeEnd().writeEnd();
    }

    /** The latest call with the result's id in an assistant message before it. */
    private ToolCall answeredCall(int resultIndex, String callId) {
        for (int j = resultIndex - 1; j >= 0; j--) {
            Message m = messages.get(j);
            if (m.role() == Role.ASSISTANT) {
                for (ToolCall call : m.toolCalls()) {
                    if (call.id().equals(callId)) {
                        return call;
                    }
                }
            }
        }
        throw RequestChecks.invalid(providerId, model, "the tool result for call '" + callId
                + "' answers no tool call of an earlier assistant message; Gemini needs the call to name the function");
    }

    private JsonObject arguments(ToolCall call) {
        if (call.arguments().isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (JsonReading.value(call.arguments()) instanceof JsonObject object) {
            return object;
        }
        throw RequestChecks.invalid(providerId, model, "the arguments of tool call '" + call.id()
                + "' are not a JSON object");
    }
}
