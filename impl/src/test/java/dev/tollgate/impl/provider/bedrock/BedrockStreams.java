package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.impl.stream.TestEventStreams;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * ConverseStream messages as Bedrock sends them: AWS event stream messages whose
 * {@code :event-type} names the event and whose JSON payload carries the event's fields and the
 * {@code p} padding Bedrock adds to hide the length of the text.
 */
final class BedrockStreams {
    /** The usage of a plain answer: 12 input and 5 output tokens. */
    static final String PLAIN_USAGE = "{\"inputTokens\":12,\"outputTokens\":5,\"totalTokens\":17}";

    private BedrockStreams() {
    }

    private static byte[] event(String type, JsonObjectBuilder payload) {
        return TestEventStreams.event(type, payload.add("p", "abcdefghijklmnopqrstuvwxyzABCDEFGH").build().toString());
    }

    static byte[] messageStart() {
        return event("messageStart", Json.createObjectBuilder().add("role", "assistant"));
    }

    static byte[] text(int index, String text) {
        return event("contentBlockDelta", Json.createObjectBuilder()
                .add("contentBlockIndex", index)
                .add("delta", Json.createObjectBuilder().add("text", text)));
    }

    static byte[] blockStop(int index) {
        return event("contentBlockStop", Json.createObjectBuilder().add("contentBlockIndex", index));
    }

    static byte[] toolStart(int index, String toolUseId, String name) {
        return event("contentBlockStart", Json.createObjectBuilder()
                .add("contentBlockIndex", index)
                .add("start", Json.createObjectBuilder().add("toolUse", Json.createObjectBuilder()
                        .add("toolUseId", toolUseId).add("name", name))));
    }

    static byte[] toolInput(int index, String fragment) {
        return event("contentBlockDelta", Json.createObjectBuilder()
                .add("contentBlockIndex", index)
                .add("delta", Json.createObjectBuilder().add("toolUse", Json.createObjectBuilder()
                        .add("input", fragment))));
    }

    static byte[] messageStop(String stopReason) {
        return event("messageStop", Json.createObjectBuilder().add("stopReason", stopReason));
    }

    /** @param usage the {@code usage} object, as JSON */
    static byte[] metadata(String usage) {
        return TestEventStreams.event("metadata", "{\"metrics\":{\"latencyMs\":431},\"p\":\"abcdefghijkl\",\"usage\":"
                + usage + "}");
    }

    /** @return a whole answer: the texts in one text block, {@code end_turn} and {@link #PLAIN_USAGE} */
    static byte[] answer(String... texts) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(messageStart());
        for (String t : texts) {
            parts.add(text(0, t));
        }
        parts.add(blockStop(0));
        parts.add(messageStop("end_turn"));
        parts.add(metadata(PLAIN_USAGE));
        return TestEventStreams.concat(parts.toArray(byte[][]::new));
    }

    /** @return an exception message of the stream */
    static byte[] exception(String type, String message) {
        return TestEventStreams.exception(type, Json.createObjectBuilder().add("message", message).build().toString());
    }
}
