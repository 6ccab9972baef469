package dev.tollgate.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's bytes on the wire, where the OpenAI client would hide them. */
class GatewayWireIT {
    private static SampleServer.Key key;

    @BeforeAll
    static void createKey() throws Exception {
        key = SampleServer.createKey("wire-it", new BigDecimal("1.00"), 1000);
    }

    @Test
    void aStream_isServerSentEventsOfChunksEndingWithDone() throws Exception {
        HttpResponse<String> response = SampleServer.chat(key.secret(), "{\"model\": \"gpt-4o-mini\", \"stream\": true,"
                + " \"stream_options\": {\"include_usage\": true},"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"One two three\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        List<String> events = Arrays.asList(response.body().split("\n\n"));
        assertTrue(events.stream().allMatch(e -> e.startsWith("data: ")), response.body());
        assertEquals("data: [DONE]", events.get(events.size() - 1));
        JsonObject first = SampleServer.json(events.get(0).substring(6));
        assertEquals("chat.completion.chunk", first.getString("object"));
        assertEquals("assistant", first.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("role"));
        JsonObject usage = SampleServer.json(events.get(events.size() - 2).substring(6));
        assertTrue(usage.getJsonArray("choices").isEmpty());
        assertTrue(usage.getJsonObject("usage").getInt("total_tokens") > 0);
        JsonObject finish = SampleServer.json(events.get(events.size() - 3).substring(6));
        assertEquals("stop", finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    }

    @Test
    void plainAndStreamedCalls_areRecordedUnderTheirKey() throws Exception {
        SampleServer.Key own = SampleServer.createKey("records-it", new BigDecimal("1.00"), 1000);
        assertEquals(200, SampleServer.chat(own.secret(), "{\"model\": \"resilient\","
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}").statusCode());
        assertEquals(200, SampleServer.chat(own.secret(), "{\"model\": \"gpt-4o-mini\", \"stream\": true,"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}").statusCode());

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject row = principal(own.id());
        while ((row == null || row.getInt("count") < 2) && System.nanoTime() - deadline < 0) {
            Thread.sleep(200);
            row = principal(own.id());
        }

        assertTrue(row != null && row.getInt("count") == 2, "the key's row: " + row);
        assertTrue(row.getJsonNumber("cost").bigDecimalValue().signum() > 0, row.toString());
    }

    private static JsonObject principal(String keyId) throws Exception {
        HttpResponse<String> response = SampleServer.send(HttpRequest.newBuilder(
                URI.create(SampleServer.BASE + "/api/dashboard/principals")));
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> keyId.equals(p.getString("label", null)))
                .findFirst().orElse(null);
    }

    @Test
    void aMalformedBody_is400InOpenAisErrorShape() throws Exception {
        HttpResponse<String> response = SampleServer.chat(key.secret(), "{\"model\": \"gpt-4o-mini\", \"messages\": [");

        assertEquals(400, response.statusCode());
        JsonObject error = SampleServer.json(response.body()).getJsonObject("error");
        assertEquals("invalid_request_error", error.getString("type"));
        assertTrue(error.getString("message").contains("could not parse the JSON body"), error.toString());
        assertTrue(error.isNull("param") && error.isNull("code"), error.toString());
    }

    @Test
    void aToolOffer_isAnsweredWithAToolCall() throws Exception {
        HttpResponse<String> response = SampleServer.chat(key.secret(), "{\"model\": \"gpt-4o-mini\","
                + " \"messages\": [{\"role\": \"user\", \"content\": \"Weather in Paris?\"}],"
                + " \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"weather\", \"parameters\":"
                + " {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}}}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject choice = SampleServer.json(response.body()).getJsonArray("choices").getJsonObject(0);
        assertEquals("tool_calls", choice.getString("finish_reason"));
        JsonObject call = choice.getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0);
        assertEquals("function", call.getString("type"));
        assertEquals("weather", call.getJsonObject("function").getString("name"));
        assertTrue(choice.getJsonObject("message").isNull("content"));
    }
}
