package dev.tollgate.impl.foreign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.Usage;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAI Java SDK's real client, over HTTP to a stub of the Chat Completions API, inside an {@code @LlmCall}. */
class OpenAiSdkCaptureTest {
    static final String COMPLETION = """
            {"id":"chatcmpl-foreign-1","object":"chat.completion","created":1741569952,
             "model":"gpt-4o-mini-2024-07-18","service_tier":"default",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Buy low.","refusal":null,
               "annotations":[]},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1000,"completion_tokens":200,"total_tokens":1200,
               "prompt_tokens_details":{"cached_tokens":400,"audio_tokens":0},
               "completion_tokens_details":{"reasoning_tokens":50,"audio_tokens":0,
                 "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
             "system_fingerprint":"fp_1"}
            """;

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ForeignCallFixture fixture = new ForeignCallFixture(openAi.baseUrl() + "/v1");
    private final OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(openAi.baseUrl() + "/v1")
            .apiKey("sk-test-sdk").maxRetries(0).build();

    @Test
    void chatCompletionReturnedByAnLlmCall_isAnExchangeWithUsageCostSpanAndBudgetCharge() throws Exception {
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(COMPLETION)));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("How do I get rich?").build();
        String before = params.toString();

        Object returned = fixture.call(() -> client.chat().completions().create(params));

        assertThat(returned).isInstanceOf(ChatCompletion.class);
        assertThat(params.toString()).isEqualTo(before);
        LlmCallRecord record = fixture.sink.single();
        assertThat(record.callName()).isEqualTo("TestService.advise");
        Exchange exchange = record.exchanges().get(0);
        assertThat(record.exchanges()).hasSize(1);
        assertThat(exchange.target().provider()).isEqualTo("openai");
        assertThat(exchange.responseModel()).contains("gpt-4o-mini-2024-07-18");
        assertThat(exchange.responseId()).contains("chatcmpl-foreign-1");
        assertThat(exchange.finishReason()).contains(FinishReason.STOP);
        assertThat(exchange.responseText()).contains("Buy low.");
        assertThat(exchange.usage()).isEqualTo(Usage.builder().inputTokens(1000).outputTokens(200)
                .cachedInputTokens(400).reasoningTokens(50).build());
        // 600 × 0.15 + 400 × 0.075 + 200 × 0.6, per million
        assertThat(exchange.cost().total()).isEqualByComparingTo(new BigDecimal("0.00024"));
        assertThat(record.cost().total()).isEqualByComparingTo(new BigDecimal("0.00024"));
        assertThat(fixture.daily().spent()).isEqualByComparingTo(new BigDecimal("0.00024"));
        assertThat(fixture.daily().reserved()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(fixture.tollgate.ledger().snapshot().provider("openai").cost("USD")).isEqualByComparingTo(new BigDecimal("0.00024"));

        SpanData call = fixture.telemetry.span("TestService.advise");
        SpanData request = fixture.telemetry.span("chat gpt-4o-mini-2024-07-18");
        assertThat(request.getParentSpanId()).isEqualTo(call.getSpanId());
        assertThat(request.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("openai");
        assertThat(request.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(1000L);
        assertThat(request.getAttributes().get(doubleKey("tollgate.cost"))).isEqualTo(0.00024);
    }

    @Test
    void streamAccumulatedIntoACompletion_isAnExchangeWithTheUsageOfItsLastChunk() throws Exception {
        String chunk = "{\"id\":\"chatcmpl-stream-1\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[%s],\"usage\":%s}";
        String sse = "data: " + chunk.formatted("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Buy \"},"
                + "\"finish_reason\":null}", "null") + "\n\n"
                + "data: " + chunk.formatted("{\"index\":0,\"delta\":{\"content\":\"low.\"},\"finish_reason\":\"stop\"}",
                        "null") + "\n\n"
                + "data: " + chunk.formatted("", "{\"prompt_tokens\":1000,\"completion_tokens\":200,\"total_tokens\":1200,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":400}}") + "\n\n"
                + "data: [DONE]\n\n";
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(sse)));
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
                .addUserMessage("How do I get rich?")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        fixture.call(() -> {
            ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                stream.stream().forEach(accumulator::accumulate);
            }
            return accumulator.chatCompletion();
        });

        Exchange exchange = fixture.sink.single().exchanges().get(0);
        assertThat(exchange.responseText()).contains("Buy low.");
        assertThat(exchange.usage()).isEqualTo(Usage.builder().inputTokens(1000).outputTokens(200)
                .cachedInputTokens(400).build());
        // 600 × 0.15 + 400 × 0.075 + 200 × 0.6, per million
        assertThat(exchange.cost().total()).isEqualByComparingTo(new BigDecimal("0.00024"));
    }

    @Test
    void completionWithoutUsage_hasUnknownUsageAndCost() throws Exception {
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(COMPLETION.replaceAll("(?s),\\s*\"usage\":\\{.*?\\}\\},", ","))));

        fixture.call(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("Hi").build()));

        Exchange exchange = fixture.sink.single().exchanges().get(0);
        assertThat(exchange.usage().isKnown()).isFalse();
        assertThat(exchange.cost().isKnown()).isFalse();
    }
}
