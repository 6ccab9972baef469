package dev.tollgate.impl.provider.bedrock;

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
 * Reads a Converse response body with the streaming parser: the blocks of
 * {@code output.message.content}, {@code stopReason}, {@code usage} ({@link BedrockUsage}) and
 * {@code serviceTier}.
 *
 * <ol>
 *   <li>The text blocks, joined, are the text; reasoning blocks are left out.</li>
 *   <li>Each {@code toolUse} block {@code {toolUseId, name, input}} is a {@link ToolCall} whose
 *       arguments are the input as JSON text, and {@code stopReason} {@code tool_use} is
 *       {@link dev.tollgate.api.FinishReason#TOOL_CALLS}.</li>
 *   <li>The call of the request's {@linkplain dev.tollgate.impl.provider.AnswerTool answer tool} is no tool call: its
 *       input is the text, and the answer is finished
 *       ({@link dev.tollgate.api.FinishReason#STOP}) unless another tool was called.</li>
 * </ol>
 *
 * <p>Converse names no model and no response id: the model reported is the one requested.
 */
final class BedrockResponseReader {

    private BedrockResponseReader() {
    }

    /** The content of the output message. */
    private static final class Content {
        final StringBuilder text = new StringBuilder();
        final List<ToolCall> calls = new ArrayList<>();
        String answer;
    }

    /**
     * @param body the response body
     * @param requestedModel the model id asked for
     * @param answerTool the name of the request's answer tool, or {@code null}
     * @return the response, without provider id, request id, cost or latency
     * @throws JsonParsingException if the body is not a Converse response
     */
    static ChatResponse read(byte[] body, String requestedModel, String answerTool) {
        ChatResponse.Builder response = ChatResponse.builder().model(requestedModel);
        Content content = null;
        String stopReason = null;
        try (JsonParser p = JsonSupport.parser(body)) {
            JsonReading.expectObject(p, p.next());
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "output" -> content = readOutput(p, v, answerTool);
                    case "stopReason" -> stopReason = JsonReading.string(p, v);
                    case "usage" -> {
                        var usage = BedrockUsage.readValue(p, v);
                        if (usage != null) {
                            response.usage(usage);
                        }
                    }
                    case "serviceTier" -> response.serviceTier(BedrockUsage.serviceTier(p, v));
                    default -> JsonReading.skip(p, v);
                }
            }
            if (content == null) {
                throw new JsonParsingException("the response has no output message", p.getLocation());
            }
        }
        if (stopReason != null) {
            response.rawFinishReason(stopReason).finishReason(BedrockStopReasons.finishReason(stopReason,
                    content.answer != null && content.calls.isEmpty()));
        }
        return response
                .text(content.answer != null ? content.answer : content.text.toString())
                .toolCalls(content.calls)
                .build();
    }

    /** @return the output message's content, or {@code null} if the output has no message */
    private static Content readOutput(JsonParser p, Event v, String answerTool) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return null;
        }
        Content content = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            if (key.equals("message") && e == Event.START_OBJECT) {
                content = readMessage(p, answerTool);
            } else {
                JsonReading.skip(p, e);
            }
        }
        return content;
    }

    private static Content readMessage(JsonParser p, String answerTool) {
        Content content = new Content();
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (key.equals("content") && v == Event.START_ARRAY) {
                JsonReading.eachObject(p, v, q -> readBlock(q, content, answerTool));
            } else {
                JsonReading.skip(p, v);
            }
        }
        return content;
    }

    /** Reads a text or tool use block; reasoning, citations and other blocks add nothing. */
    private static void readBlock(JsonParser p, Content content, String answerTool) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (key.equals("text")) {
                String text = JsonReading.string(p, v);
                if (text != null) {
                    content.text.append(text);
                }
            } else if (key.equals("toolUse") && v == Event.START_OBJECT) {
                ToolCall call = readToolUse(p);
                if (call.name().equals(answerTool)) {
                    content.answer = call.arguments();
                } else {
                    content.calls.add(call);
                }
            } else {
                JsonReading.skip(p, v);
            }
        }
    }

    private static ToolCall readToolUse(JsonParser p) {
        String id = null;
        String name = null;
        String input = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "toolUseId" -> id = JsonReading.string(p, v);
                case "name" -> name = JsonReading.string(p, v);
                case "input" -> input = p.getValue().toString();
                default -> JsonReading.skip(p, v);
            }
        }
        if (id == null || name == null) {
            throw new JsonParsingException("a toolUse block without toolUseId or name", p.getLocation());
        }
        return new ToolCall(id, name, input != null ? input : "{}");
    }
}
