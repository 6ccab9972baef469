package dev.tollgate.impl.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Encodes AWS event stream messages with the AWS SDK's codec, the same one the service side of
 * the SDK's tests uses, so that tests serve the exact bytes AWS sends.
 */
public final class TestEventStreams {
    private TestEventStreams() {
    }

    /**
     * @param headers the headers, in order
     * @param payload the payload
     * @return the encoded message
     */
    public static byte[] message(Map<String, HeaderValue> headers, byte[] payload) {
        return new Message(headers, payload).toByteBuffer().array();
    }

    /**
     * @param eventType the {@code :event-type}
     * @param json the JSON payload
     * @return an event message as AWS's REST JSON protocol writes it
     */
    public static byte[] event(String eventType, String json) {
        return jsonMessage(":event-type", eventType, "event", json);
    }

    /**
     * @param exceptionType the {@code :exception-type}, such as {@code throttlingException}
     * @param json the JSON payload
     * @return an exception message as AWS's REST JSON protocol writes it
     */
    public static byte[] exception(String exceptionType, String json) {
        return jsonMessage(":exception-type", exceptionType, "exception", json);
    }

    private static byte[] jsonMessage(String typeHeader, String type, String messageType, String json) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(typeHeader, HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString(messageType));
        return message(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param messages encoded messages
     * @return them one after the other, as one body
     */
    public static byte[] concat(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes(m);
        }
        return out.toByteArray();
    }
}
