package dev.tollgate.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The running sample as its integration tests reach it: plain HTTP, and the admin API with basic auth. */
final class SampleServer {
    static final String BASE = "http://127.0.0.1:" + System.getProperty("sample.http.port", "9080");
    static final String ADMIN_PASSWORD = System.getProperty("sample.admin.password", "tollgate-admin");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private SampleServer() {
    }

    /** A key made through the admin API: its id and secret. */
    record Key(String id, String secret) {
    }

    static Key createKey(String name, BigDecimal budget, int rpm) throws Exception {
        String body = Json.createObjectBuilder().add("name", name).add("budget", budget).add("rpm", rpm).build().toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(BASE + "/admin/keys"))
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new AssertionError("creating a key: HTTP " + response.statusCode() + " " + response.body());
        }
        JsonObject key = json(response.body());
        return new Key(key.getString("id"), key.getString("key"));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> chat(String secret, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(BASE + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
