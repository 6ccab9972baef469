package dev.tollgate.impl.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A transport over a client built elsewhere. */
class HttpTransportTest {
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{}"));
    }

    @Test
    void transportOverAGivenClient_sendsThroughThatClient() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200).withBody("{}")));
        HttpClient viaProxy = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.of(new InetSocketAddress("localhost", server.getPort()))).build();

        HttpResponse<byte[]> response = HttpTransport.over("p", viaProxy, Duration.ofSeconds(5))
                .send(request("http://provider.invalid/v1/chat/completions"), "m");

        assertThat(response.statusCode()).isEqualTo(200);
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void transportOverAGivenClient_keepsTheProvidersDeadline() {
        server.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        HttpTransport transport = HttpTransport.over("p", HttpClient.newHttpClient(), Duration.ofMillis(200));

        Throwable thrown = catchThrowable(() -> transport.send(request(server.baseUrl() + "/slow"), "m"));

        assertThat(thrown).isInstanceOf(LlmException.class);
        assertThat(((LlmException) thrown).category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(transport.timeout()).isEqualTo(Duration.ofMillis(200));
    }
}
