package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.util.function.Consumer;

/**
 * The members of one Messages API stream event that a stream is read for, whatever its type and
 * in whatever order they come:
 * <ul>
 *   <li>{@code type};</li>
 *   <li>{@code message.id}, {@code message.model} and {@code message.usage} of {@code message_start};</li>
 *   <li>{@code index} and {@code content_block.{type, id, name, text}} of {@code content_block_start};</li>
 *   <li>{@code delta.{type, text, partial_json, stop_reason}} of {@code content_block_delta} and
 *       {@code message_delta};</li>
 *   <li>the top-level {@code usage} of {@code message_delta}.</li>
 * </ul>
 */
final class AnthropicStreamEvent {
    String type;
    int index = -1;
    String messageId;
    String model;
    AnthropicUsage usage;
    String blockType;
    String blockId;
    String blockName;
    String blockText;
    String deltaType;
    String text;
    String partialJson;
    String stopReason;

    private AnthropicStreamEvent() {
    }

    /**
     * @param data the event's data, a JSON object
     * @return its members
     * @throws JsonParsingException if the data is not a JSON object
     */
    static AnthropicStreamEvent read(String data) {
        AnthropicStreamEvent event = new AnthropicStreamEvent();
        try (JsonParser p = JsonSupport.parser(data)) {
            JsonReading.expectObject(p, p.next());
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "type" -> event.type = JsonReading.string(p, v);
                    case "index" -> event.index = (int) JsonReading.number(p, v);
                    case "message" -> event.readObject(p, v, event::readMessage);
                    case "content_block" -> event.readObject(p, v, event::readBlock);
                    case "delta" -> event.readObject(p, v, event::readDelta);
                    case "usage" -> event.readObject(p, v, q -> event.usage = AnthropicUsage.read(q));
                    default -> JsonReading.skip(p, v);
                }
            }
        }
        return event;
    }

    private void readObject(JsonParser p, Event v, Consumer<JsonParser> members) {
        if (v == Event.START_OBJECT) {
            members.accept(p);
        } else {
            JsonReading.skip(p, v);
        }
    }

    private void readMessage(JsonParser p) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "id" -> messageId = JsonReading.string(p, v);
                case "model" -> model = JsonReading.string(p, v);
                case "usage" -> readObject(p, v, q -> usage = AnthropicUsage.read(q));
                default -> JsonReading.skip(p, v);
            }
        }
    }

    private void readBlock(JsonParser p) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "type" -> blockType = JsonReading.string(p, v);
                case "id" -> blockId = JsonReading.string(p, v);
                case "name" -> blockName = JsonReading.string(p, v);
                case "text" -> blockText = JsonReading.string(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
    }

    private void readDelta(JsonParser p) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "type" -> deltaType = JsonReading.string(p, v);
                case "text" -> text = JsonReading.string(p, v);
                case "partial_json" -> partialJson = JsonReading.string(p, v);
                case "stop_reason" -> stopReason = JsonReading.string(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
    }
}
