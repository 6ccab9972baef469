package dev.tollgate.bench;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.tollgate.bench.TollgateSetup.Feature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The contenders, each a way to make the same OpenAI chat call from Java: one JDK client as is,
 * LangChain4j and Tollgate. Every one is set up against the same upstream route with the same
 * client settings.
 */
public final class Contenders {
    /** The JDK client, the answer read as bytes and not parsed. */
    public static final String RAW_BYTES = "RAW-BYTES";
    /** The JDK client, the text and usage parsed with JSON-P. */
    public static final String RAW = "RAW";
    /** LangChain4j's {@code OpenAiChatModel} on its JDK HTTP client. */
    public static final String LANGCHAIN4J = "LANGCHAIN4J";
    /** Tollgate's {@code ChatClient} without interceptors. */
    public static final String TOLLGATE = "TOLLGATE";

    /** One way to make a call. */
    @FunctionalInterface
    public interface Call {
        /**
         * @return something of the answer, to keep the work from being optimised away
         * @throws Exception if the call fails
         */
        Object call() throws Exception;
    }

    /** One way to stream an answer. */
    @FunctionalInterface
    public interface StreamCall {
        /**
         * Streams an answer to its end.
         *
         * @param text told each delta's text, as it arrives
         * @return something of the answer
         * @throws Exception if the stream fails
         */
        Object stream(Consumer<String> text) throws Exception;
    }

    /**
     * A contender set up for one upstream route.
     *
     * @param name its name
     * @param call one call
     * @param stream one stream, or {@code null} where the contender takes part only in calls
     * @param between what to do between measured blocks, such as dropping kept spans
     * @param close frees what it holds
     */
    public record Contender(String name, Call call, StreamCall stream, Runnable between, Runnable close) {
    }

    private Contenders() {
    }

    /** @return the names of the call contenders, the ladder of Tollgate's features last */
    public static List<String> callNames() {
        List<String> names = new ArrayList<>(List.of(RAW_BYTES, RAW, LANGCHAIN4J, TOLLGATE));
        for (Feature f : Feature.values()) {
            names.add(ladderName(f));
        }
        return names;
    }

    /** @return the names of the stream contenders */
    public static List<String> streamNames() {
        return List.of(RAW, LANGCHAIN4J, TOLLGATE, ladderName(Feature.TRACING));
    }

    /**
     * @param upTo a rung of the ladder
     * @return the name of the contender with every feature up to it
     */
    public static String ladderName(Feature upTo) {
        StringBuilder name = new StringBuilder(TOLLGATE);
        for (Feature f : Feature.values()) {
            if (f.ordinal() <= upTo.ordinal()) {
                name.append('+').append(f.name().replace("_", "-"));
            }
        }
        return name.toString();
    }

    /**
     * @param name a contender's name
     * @param upstream where its requests go
     * @param route the mock's route
     * @return the contender, set up
     */
    public static Contender create(String name, Upstream upstream, String route) {
        switch (name) {
            case RAW_BYTES:
                return raw(name, upstream, route, false);
            case RAW:
                return raw(name, upstream, route, true);
            case LANGCHAIN4J:
                return langChain4j(upstream, route);
            case TOLLGATE:
                return tollgate(name, new TollgateSetup(upstream, route, null));
            default:
                for (Feature f : Feature.values()) {
                    if (ladderName(f).equals(name)) {
                        return tollgate(name, new TollgateSetup(upstream, route, f));
                    }
                }
                throw new IllegalArgumentException("no contender " + name + "; there are " + callNames());
        }
    }

    private static Contender tollgate(String name, TollgateSetup setup) {
        return new Contender(name, setup::call, setup::stream, setup::dropSpans, setup::close);
    }

    private static Contender raw(String name, Upstream upstream, String route, boolean parse) {
        HttpClient client = upstream.clientBuilder().build();
        URI url = URI.create(upstream.baseUrl(route) + "/chat/completions");
        Call call = () -> {
            HttpResponse<byte[]> response = client.send(request(url, Canned.REQUEST),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("status " + response.statusCode());
            }
            return parse ? RawJson.completion(response.body()) : response.body();
        };
        StreamCall stream = text -> {
            HttpResponse<InputStream> response = client.send(request(url, Canned.STREAM_REQUEST),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    throw new IOException("status " + response.statusCode());
                }
                long tokens = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.startsWith("data: ")) {
                        continue;
                    }
                    String data = line.substring(6);
                    if (data.equals("[DONE]")) {
                        break;
                    }
                    RawJson.Answer a = RawJson.chunk(data, text);
                    tokens += a.inputTokens() + a.outputTokens();
                }
                return tokens;
            }
        };
        return new Contender(name, call, stream, () -> { }, () -> { });
    }

    private static HttpRequest request(URI url, byte[] body) {
        return HttpRequest.newBuilder(url).timeout(Upstream.TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static JdkHttpClientBuilder langChain4jHttp(Upstream upstream) {
        return JdkHttpClient.builder().httpClientBuilder(upstream.clientBuilder())
                .connectTimeout(Upstream.CONNECT_TIMEOUT).readTimeout(Upstream.TIMEOUT);
    }

    private static Contender langChain4j(Upstream upstream, String route) {
        OpenAiChatModel model = OpenAiChatModel.builder().httpClientBuilder(langChain4jHttp(upstream))
                .baseUrl(upstream.baseUrl(route)).apiKey("none").modelName("gpt-4o-mini")
                .maxRetries(0).logRequests(false).logResponses(false).build();
        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(langChain4jHttp(upstream)).baseUrl(upstream.baseUrl(route)).apiKey("none")
                .modelName("gpt-4o-mini").logRequests(false).logResponses(false).build();
        Call call = () -> {
            ChatResponse response = model.chat(UserMessage.from("Say hello"));
            return response.tokenUsage().totalTokenCount() + response.aiMessage().text().length();
        };
        StreamCall stream = text -> {
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            streaming.chat(List.of(UserMessage.from("Say hello")), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    text.accept(partial);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            return done.join().tokenUsage();
        };
        return new Contender(LANGCHAIN4J, call, stream, () -> { }, () -> { });
    }
}
