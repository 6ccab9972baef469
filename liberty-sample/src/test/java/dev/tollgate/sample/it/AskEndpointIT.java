package dev.tollgate.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Calls the running sample over HTTP, as the README tells a newcomer to. */
class AskEndpointIT {
    private static final String BASE = "http://127.0.0.1:" + System.getProperty("sample.http.port", "9080");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void ask_returnsTheSimulatedAnswerWithUsageAndCost() throws Exception {
        HttpResponse<String> response = get("/api/ask?q=" + URLEncoder.encode("How much is this?", StandardCharsets.UTF_8));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        assertTrue(json.getString("answer").contains("How much is this?"), json.toString());
        assertEquals("simulated", json.getString("provider"));
        assertEquals("simulated-1", json.getString("model"));
        JsonObject usage = json.getJsonObject("usage");
        assertTrue(usage.getBoolean("known"));
        assertTrue(usage.getJsonNumber("inputTokens").longValue() > 0, usage.toString());
        assertTrue(usage.getJsonNumber("outputTokens").longValue() > 0, usage.toString());
        JsonObject cost = json.getJsonObject("cost");
        assertTrue(cost.getBoolean("known"));
        assertEquals("USD", cost.getString("currency"));
        BigDecimal expected = BigDecimal.valueOf(usage.getJsonNumber("inputTokens").longValue())
                .multiply(new BigDecimal("0.15"))
                .add(BigDecimal.valueOf(usage.getJsonNumber("outputTokens").longValue()).multiply(new BigDecimal("0.60")))
                .movePointLeft(6);
        assertEquals(0, expected.compareTo(cost.getJsonNumber("total").bigDecimalValue()), cost.toString());
    }

    @Test
    void emptyQuestion_isABadRequestInJson() throws Exception {
        HttpResponse<String> response = get("/api/ask?q=");

        assertEquals(400, response.statusCode());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("invalid_request", json.getString("error"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
