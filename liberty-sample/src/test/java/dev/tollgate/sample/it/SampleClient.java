package dev.tollgate.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** Talks to a running sample over HTTP/1.1, as a browser or curl would. */
final class SampleClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    /** @param port the sample's HTTP port */
    SampleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The sample the build started for the integration tests. */
    static SampleClient ofBuild() {
        return new SampleClient(Integer.parseInt(System.getProperty("sample.http.port", "9080")));
    }

    String url(String path) {
        return base + path;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /api/ask}: the question, and {@code model}/{@code stream} when given. */
    HttpResponse<String> ask(String question, String model, boolean stream) throws Exception {
        return get("/api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)
                + (model == null ? "" : "&model=" + URLEncoder.encode(model, StandardCharsets.UTF_8))
                + (stream ? "&stream=true" : ""));
    }

    JsonStructure json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).read();
    }

    /** @return the dashboard's summary, once it satisfies the condition; fails after 60 seconds */
    JsonObject summaryOnce(Predicate<JsonObject> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject summary = (JsonObject) json("/api/dashboard/summary");
        while (!condition.test(summary)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the summary never got there: " + summary);
            }
            Thread.sleep(200);
            summary = (JsonObject) json("/api/dashboard/summary");
        }
        return summary;
    }

    /** @return the dashboard's summary once no record waits to be written */
    JsonObject settledSummary() throws Exception {
        return summaryOnce(s -> s.getJsonObject("persistence").getJsonNumber("pending").longValue() == 0);
    }
}
