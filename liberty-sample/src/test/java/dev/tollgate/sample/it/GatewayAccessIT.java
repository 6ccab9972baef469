package dev.tollgate.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Gateway keys: who gets in, how often, for how much, and who may manage keys. */
class GatewayAccessIT {
    private static final String HELLO = "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";

    @Test
    void aWrongKey_isRefusedWith401ByTheOpenAiClient() {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(SampleServer.BASE + "/v1")
                .apiKey("tg-not-a-key-of-this-gateway").maxRetries(0).build();

        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> client.chat().completions()
                .create(ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hi").build()));

        assertEquals(401, e.statusCode());
    }

    @Test
    void noKey_is401InOpenAisErrorShape() throws Exception {
        HttpResponse<String> response = SampleServer.send(HttpRequest.newBuilder(URI.create(SampleServer.BASE + "/v1/models")));

        assertEquals(401, response.statusCode());
        JsonObject error = SampleServer.json(response.body()).getJsonObject("error");
        assertEquals("invalid_api_key", error.getString("code"));
        assertEquals("invalid_request_error", error.getString("type"));
        assertTrue(error.getString("message").contains("Authorization: Bearer"), error.toString());
    }

    @Test
    void aKeyOverItsRequestsPerMinute_gets429WithRetryAfter() throws Exception {
        SampleServer.Key key = SampleServer.createKey("rate-it", new BigDecimal("1.00"), 2);

        assertEquals(200, SampleServer.chat(key.secret(), HELLO).statusCode());
        assertEquals(200, SampleServer.chat(key.secret(), HELLO).statusCode());
        HttpResponse<String> third = SampleServer.chat(key.secret(), HELLO);

        assertEquals(429, third.statusCode(), third.body());
        long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "one request every 30 s: " + retryAfter);
        assertEquals("rate_limit_exceeded", SampleServer.json(third.body()).getJsonObject("error").getString("code"));
    }

    @Test
    void aKeyThatSpentItsBudget_gets429NamingTheBudget_andSpendsNoMore() throws Exception {
        // A request reserves about 0.00062 USD (1024 output tokens at 0.60 per million) and costs
        // about 0.00002: a budget of 0.0007 lets a few through, then refuses.
        SampleServer.Key key = SampleServer.createKey("budget-it", new BigDecimal("0.0007"), 1000);
        int answered = 0;
        HttpResponse<String> response = SampleServer.chat(key.secret(), HELLO);
        while (response.statusCode() == 200 && answered < 50) {
            answered++;
            response = SampleServer.chat(key.secret(), HELLO);
        }

        assertTrue(answered > 0, "the budget allowed the first requests");
        assertEquals(429, response.statusCode(), response.body());
        JsonObject error = SampleServer.json(response.body()).getJsonObject("error");
        assertEquals("insufficient_quota", error.getString("code"));
        assertEquals("insufficient_quota", error.getString("type"));
        String message = error.getString("message");
        assertTrue(message.contains("budget") && message.contains("gateway-keys") && message.contains(key.id()),
                message);
        JsonObject listed = listedKey(key.id());
        assertTrue(listed.getJsonNumber("spent").bigDecimalValue().compareTo(new BigDecimal("0.0007")) <= 0, listed.toString());
        assertTrue(listed.getJsonNumber("spent").bigDecimalValue().signum() > 0, listed.toString());
    }

    @Test
    void aRevokedKey_is401() throws Exception {
        SampleServer.Key key = SampleServer.createKey("revoke-it", new BigDecimal("1.00"), 100);
        assertEquals(200, SampleServer.chat(key.secret(), HELLO).statusCode());

        HttpResponse<String> revoked = SampleServer.send(HttpRequest.newBuilder(
                        URI.create(SampleServer.BASE + "/admin/keys/" + key.id()))
                .header("Authorization", SampleServer.basic("admin", SampleServer.ADMIN_PASSWORD))
                .DELETE());

        assertEquals(204, revoked.statusCode());
        assertEquals(401, SampleServer.chat(key.secret(), HELLO).statusCode());
        assertFalse(listedKey(key.id()).isNull("revoked"));
    }

    @Test
    void theAdminApi_refusesCallersWithoutTheAdminRole() throws Exception {
        URI keys = URI.create(SampleServer.BASE + "/admin/keys");

        assertEquals(401, SampleServer.send(HttpRequest.newBuilder(keys)).statusCode());
        assertEquals(401, SampleServer.send(HttpRequest.newBuilder(keys)
                .header("Authorization", SampleServer.basic("admin", "wrong"))).statusCode());
        assertEquals(403, SampleServer.send(HttpRequest.newBuilder(keys)
                .header("Authorization", SampleServer.basic("viewer", "viewer-password"))).statusCode());
        assertEquals(403, SampleServer.send(HttpRequest.newBuilder(keys)
                .header("Authorization", SampleServer.basic("viewer", "viewer-password"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", \"budget\": 1, \"rpm\": 1}"))).statusCode());
    }

    @Test
    void theAdminApi_isNotReachableThroughTheGatewayOrTheSampleApi() throws Exception {
        SampleServer.Key key = SampleServer.createKey("admin-paths-it", new BigDecimal("1.00"), 100);

        HttpResponse<String> viaGateway = SampleServer.send(HttpRequest.newBuilder(
                URI.create(SampleServer.BASE + "/v1/admin/keys")).header("Authorization", "Bearer " + key.secret()));
        HttpResponse<String> viaApi = SampleServer.send(HttpRequest.newBuilder(URI.create(SampleServer.BASE + "/api/keys"))
                .header("Authorization", SampleServer.basic("admin", SampleServer.ADMIN_PASSWORD)));

        assertEquals(404, viaGateway.statusCode());
        assertEquals("unknown_url", SampleServer.json(viaGateway.body()).getJsonObject("error").getString("code"));
        assertEquals(404, viaApi.statusCode());
    }

    @Test
    void theKeyList_showsNoSecrets() throws Exception {
        SampleServer.Key key = SampleServer.createKey("list-it", new BigDecimal("2.50"), 10);

        JsonObject listed = listedKey(key.id());

        assertEquals("list-it", listed.getString("name"));
        assertEquals(0, new BigDecimal("2.50").compareTo(listed.getJsonNumber("budget").bigDecimalValue()));
        assertEquals(key.secret().substring(0, 10), listed.getString("prefix"));
        assertFalse(listed.containsKey("key"));
        assertFalse(listed.toString().contains(key.secret()));
    }

    private static JsonObject listedKey(String id) throws Exception {
        HttpResponse<String> response = SampleServer.send(HttpRequest.newBuilder(URI.create(SampleServer.BASE + "/admin/keys"))
                .header("Authorization", SampleServer.basic("admin", SampleServer.ADMIN_PASSWORD)));
        assertEquals(200, response.statusCode(), response.body());
        JsonArray keys = jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readArray();
        return keys.stream().map(v -> v.asJsonObject()).filter(k -> k.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("key " + id + " is not listed: " + keys));
    }
}
