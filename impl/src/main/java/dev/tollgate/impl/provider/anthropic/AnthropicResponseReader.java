package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Messages API response body with the streaming parser, keeping only the fields a
 * {@link ChatResponse} needs: {@code id}, {@code model}, the {@code content} blocks,
 * {@code stop_reason} and {@code usage}. Of the content, {@code text} blocks make the text and
 * {@code tool_use} blocks the tool calls; other blocks, such as {@code thinking}, are skipped. A
 * call of the request's {@linkplain dev.tollgate.impl.provider.AnswerTool answer tool} is no tool call: its input is
 * the answer, and replaces the text.
 */
final class AnthropicResponseReader {
    private final String answerTool;

    /** @param answerTool the name of the request's answer tool, or {@code null} */
    AnthropicResponseReader(String answerTool) {
        this.answerTool = answerTool;
    }

    /**
     * @param body the response body
     * @param requestedModel the model asked for, used if the body names none
     * @return the response, without provider id, cost or latency
     * @throws JsonParsingException if the body is not a Messages API response
     */
    ChatResponse read(byte[] body, String requestedModel) {
        ChatResponse.Builder response = ChatResponse.builder().model(requestedModel);
        Content content = null;
        String stopReason = null;
        try (JsonParser p = JsonSupport.parser(body)) {
            JsonReading.expectObject(p, p.next());
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "id" -> response.responseId(JsonReading.string(p, v));
                    case "model" -> {
                        String model = JsonReading.string(p, v);
                        if (model != null && !model.isEmpty()) {
                            response.model(model);
                        }
                    }
                    case "content" -> {
                        if (v == Event.START_ARRAY) {
                            content = readContent(p);
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    case "stop_reason" -> stopReason = JsonReading.string(p, v);
                    case "usage" -> {
                        if (v == Event.START_OBJECT) {
                            AnthropicUsage usage = AnthropicUsage.read(p);
                            response.usage(usage.toUsage()).serviceTier(usage.serviceTier());
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    default -> JsonReading.skip(p, v);
                }
            }
            if (content == null) {
                throw new JsonParsingException("the response has no content", p.getLocation());
            }
        }
        boolean structured = content.answer != null && content.calls.isEmpty();
        return response
                .text(content.answer != null ? content.answer : content.text.toString())
                .toolCalls(content.calls)
                .rawFinishReason(stopReason)
                .finishReason(AnthropicStopReasons.finishReason(stopReason, structured))
                .build();
    }

    /** What the content blocks say. */
    private static final class Content {
        final StringBuilder text = new StringBuilder();
        final List<ToolCall> calls = new ArrayList<>();
        String answer;
    }

    private Content readContent(JsonParser p) {
        Content content = new Content();
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (e == Event.START_OBJECT) {
                readBlock(p, content);
            } else {
                JsonReading.skip(p, e);
            }
        }
        return content;
    }

    /** Reads one block into the content; the block's members may come in any order. */
    private void readBlock(JsonParser p, Content content) {
        String type = null;
        String text = null;
        String id = null;
        String name = null;
        String input = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "type" -> type = JsonReading.string(p, v);
                case "text" -> text = JsonReading.string(p, v);
                case "id" -> id = JsonReading.string(p, v);
                case "name" -> name = JsonReading.string(p, v);
                case "input" -> {
                    if (v == Event.START_OBJECT) {
                        input = AnthropicToolInputs.read(p);
                    } else {
                        JsonReading.skip(p, v);
                    }
                }
                default -> JsonReading.skip(p, v);
            }
        }
        if ("text".equals(type) && text != null) {
            content.text.append(text);
        } else if ("tool_use".equals(type)) {
            if (name == null || input == null) {
                throw new JsonParsingException("a tool_use block without name or input", p.getLocation());
            }
            if (name.equals(answerTool)) {
                content.answer = input;
            } else if (id == null) {
                throw new JsonParsingException("a tool_use block without id", p.getLocation());
            } else {
                content.calls.add(new ToolCall(id, name, input));
            }
        }
    }
}
