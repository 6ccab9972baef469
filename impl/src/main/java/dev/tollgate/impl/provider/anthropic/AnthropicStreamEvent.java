package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

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
            JsonReading.members(p, Event.START_OBJECT, (key, v) -> {
                switch (key) {
                    case "type" -> event.type = JsonReading.string(p, v);
                    case "index" -> event.index = (int) JsonReading.number(p, v);
                    case "message" -> JsonReading.members(p, v, (name, e) -> event.readMessage(p, name, e));
                    case "content_block" -> JsonReading.members(p, v, (name, e) -> event.readBlock(p, name, e));
                    case "delta" -> JsonReading.members(p, v, (name, e) -> event.readDelta(p, name, e));
                    case "usage" -> event.readUsage(p, v);
                    default -> JsonReading.skip(p, v);
                }
            });
        }
        return event;
    }

    private void readUsage(JsonParser p, Event v) {
        if (v == Event.START_OBJECT) {
            usage = AnthropicUsage.read(p);
        } else {
            JsonReading.skip(p, v);
        }
    }

    private void readMessage(JsonParser p, String key, Event v) {
        switch (key) {
            case "id" -> messageId = JsonReading.string(p, v);
            case "model" -> model = JsonReading.string(p, v);
            case "usage" -> readUsage(p, v);
            default -> JsonReading.skip(p, v);
        }
    }

    private void readBlock(JsonParser p, String key, Event v) {
        switch (key) {
            case "type" -> blockType = JsonReading.string(p, v);
            case "id" -> blockId = JsonReading.string(p, v);
            case "name" -> blockName = JsonReading.string(p, v);
            case "text" -> blockText = JsonReading.string(p, v);
            default -> JsonReading.skip(p, v);
        }
    }

    private void readDelta(JsonParser p, String key, Event v) {
        switch (key) {
            case "type" -> deltaType = JsonReading.string(p, v);
            case "text" -> text = JsonReading.string(p, v);
            case "partial_json" -> partialJson = JsonReading.string(p, v);
            case "stop_reason" -> stopReason = JsonReading.string(p, v);
            default -> JsonReading.skip(p, v);
        }
    }
}
