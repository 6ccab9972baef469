package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * The fields of one ConverseStream event's JSON payload that the stream handler reads, whatever
 * the event: {@code contentBlockIndex}; {@code start.toolUse} ({@code toolUseId}, {@code name});
 * {@code delta.text} and {@code delta.toolUse.input}; {@code stopReason}; {@code usage} and
 * {@code serviceTier}. Everything else, such as the {@code p} padding Bedrock adds, the
 * {@code metrics} and reasoning deltas, is skipped.
 */
final class BedrockStreamEvent {
    int index = -1;
    String toolUseId;
    String toolName;
    String text;
    String toolInput;
    String stopReason;
    Usage usage;
    String serviceTier;

    private BedrockStreamEvent() {
    }

    /**
     * @param payload the event's JSON payload
     * @return its fields
     * @throws jakarta.json.JsonException if the payload is not a JSON object
     */
    static BedrockStreamEvent read(byte[] payload) {
        BedrockStreamEvent event = new BedrockStreamEvent();
        try (JsonParser p = JsonSupport.parser(payload)) {
            JsonReading.expectObject(p, p.next());
            JsonReading.members(p, Event.START_OBJECT, (key, v) -> {
                switch (key) {
                    case "contentBlockIndex" -> event.index = (int) JsonReading.number(p, v);
                    case "start" -> JsonReading.members(p, v, (name, e) -> event.readStart(p, name, e));
                    case "delta" -> JsonReading.members(p, v, (name, e) -> event.readDelta(p, name, e));
                    case "stopReason" -> event.stopReason = JsonReading.string(p, v);
                    case "usage" -> event.usage = BedrockUsage.readValue(p, v);
                    case "serviceTier" -> event.serviceTier = BedrockUsage.serviceTier(p, v);
                    default -> JsonReading.skip(p, v);
                }
            });
        }
        return event;
    }

    /** A member of {@code start}: {@code toolUse} names the call a tool use block is. */
    private void readStart(JsonParser p, String name, Event v) {
        if (!name.equals("toolUse")) {
            JsonReading.skip(p, v);
            return;
        }
        JsonReading.members(p, v, (key, e) -> {
            switch (key) {
                case "toolUseId" -> toolUseId = JsonReading.string(p, e);
                case "name" -> toolName = JsonReading.string(p, e);
                default -> JsonReading.skip(p, e);
            }
        });
    }

    /** A member of {@code delta}: {@code text}, or {@code toolUse} with a fragment of the input. */
    private void readDelta(JsonParser p, String name, Event v) {
        switch (name) {
            case "text" -> text = JsonReading.string(p, v);
            case "toolUse" -> JsonReading.members(p, v, (key, e) -> {
                if (key.equals("input")) {
                    toolInput = JsonReading.string(p, e);
                } else {
                    JsonReading.skip(p, e);
                }
            });
            default -> JsonReading.skip(p, v);
        }
    }
}
