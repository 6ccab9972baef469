package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.http.OpenedStream;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.AnswerTool;
import dev.tollgate.impl.stream.WireStream;
import java.net.URI;
import java.net.http.HttpRequest;

/** A client of one Messages API endpoint. */
final class AnthropicClient implements ProviderClient {
    private final URI url;
    private final AnthropicHeaders headers;
    private final AnthropicRequestWriter writer;
    private final ProviderEndpoint endpoint;

    AnthropicClient(URI url, AnthropicHeaders headers, AnthropicRequestWriter writer, ProviderEndpoint endpoint) {
        this.url = url;
        this.headers = headers;
        this.writer = writer;
        this.endpoint = endpoint;
    }

    @Override
    public java.util.Set<String> unsupportedOptions() {
        return java.util.Set.of("seed");
    }

    @Override
    public java.util.Set<String> rejectedExtras() {
        return java.util.Set.of("frequency_penalty", "presence_penalty", "logit_bias", "logprobs", "top_logprobs", "n",
                "response_format", "seed", "repeat_penalty", "min_p", "num_ctx");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = request.model().orElseThrow();
        AnthropicResponseReader reader = new AnthropicResponseReader(answerTool(request));
        return endpoint.exchange(request(request, false), model, reader::read);
    }

    @Override
    public ProviderStream stream(ChatRequest request) {
        String model = request.model().orElseThrow();
        HttpRequest.Builder http = request(request, true);
        OpenedStream opened = endpoint.openStream(http, model);
        return new AnthropicBrokenStreams(WireStream.sse(opened, new AnthropicStreamHandler(endpoint.providerId(),
                model, opened.requestId(), headers.apiKey(), answerTool(request))));
    }

    private HttpRequest.Builder request(ChatRequest request, boolean stream) {
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofByteArray(writer.write(request, endpoint.providerId(), stream)));
        headers.addTo(http, stream);
        return http;
    }

    private static String answerTool(ChatRequest request) {
        return AnswerTool.nameOf(request.responseFormat());
    }

    @Override
    public String toString() {
        return "AnthropicClient[" + endpoint.providerId() + ", " + url + "]";
    }
}
