package dev.tollgate.impl.telemetry;

import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Message;
import dev.tollgate.api.ToolCall;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;

/**
 * Prompt and answer content in the forms of {@code gen_ai.input.messages} and
 * {@code gen_ai.output.messages}, serialised to JSON strings as the conventions say for spans.
 */
final class ContentJson {
    private ContentJson() {
    }

    static String input(List<Message> messages) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Message m : messages) {
            JsonArrayBuilder parts = Json.createArrayBuilder();
            if (m.toolCallId().isPresent()) {
                parts.add(Json.createObjectBuilder().add("type", "tool_call_response")
                        .add("id", m.toolCallId().get()).add("result", m.content()));
            } else if (!m.content().isEmpty()) {
                parts.add(text(m.content()));
            }
            for (ToolCall call : m.toolCalls()) {
                parts.add(Json.createObjectBuilder().add("type", "tool_call").add("id", call.id())
                        .add("name", call.name()).add("arguments", call.arguments()));
            }
            all.add(Json.createObjectBuilder().add("role", m.role().name().toLowerCase(Locale.ROOT)).add("parts", parts));
        }
        return all.build().toString();
    }

    static String output(String text, FinishReason finishReason) {
        JsonObjectBuilder message = Json.createObjectBuilder().add("role", "assistant")
                .add("parts", Json.createArrayBuilder().add(text(text)));
        if (finishReason != null) {
            message.add("finish_reason", finishReason(finishReason));
        }
        return Json.createArrayBuilder().add(message).build().toString();
    }

    static String finishReason(FinishReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private static JsonObjectBuilder text(String content) {
        return Json.createObjectBuilder().add("type", "text").add("content", content);
    }
}
