package dev.tollgate.bench;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Where the contenders' requests go: the {@linkplain StubHttpClient stand-in without a network},
 * or the mock server over loopback. Every contender gets the same HTTP/1.1 client settings and
 * the same timeouts, and the JDK client's default executor.
 *
 * @param loopbackPort the mock's port, or 0 for the stand-in
 */
public record Upstream(int loopbackPort) {
    /** The deadline of one request, for every contender. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The connect timeout, for every contender; Tollgate's for {@link #TIMEOUT}. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** @return the stand-in */
    public static Upstream stub() {
        return new Upstream(0);
    }

    /**
     * @param name {@code stub}, or {@code loopback} on the port of system property {@code bench.mock.port}
     * @return the upstream
     */
    public static Upstream named(String name) {
        return switch (name) {
            case "stub" -> stub();
            case "loopback" -> new Upstream(Integer.getInteger("bench.mock.port", 18080));
            default -> throw new IllegalArgumentException("upstream is stub or loopback: " + name);
        };
    }

    /** @return whether requests stay in the JVM */
    public boolean stubbed() {
        return loopbackPort == 0;
    }

    /**
     * @param route the mock's route, such as {@code /small} or {@code /sse/64/20}
     * @return the base URL of an OpenAI-compatible API there
     */
    public String baseUrl(String route) {
        return (stubbed() ? "http://stub.invalid" : "http://127.0.0.1:" + loopbackPort) + route + "/v1";
    }

    /** @return a builder of a JDK client as every contender configures it */
    public HttpClient.Builder clientBuilder() {
        return stubbed() ? StubHttpClient.builder()
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER);
    }

    /** @return the provider type Tollgate is configured with */
    public String tollgateType() {
        return stubbed() ? StubOpenAiAdapter.TYPE : "openai";
    }
}
