package dev.tollgate.impl.foreign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Anthropic Java SDK's real client, over HTTP to a stub of the Messages API, inside an {@code @LlmCall}. */
class AnthropicSdkCaptureTest {
    private static final String MESSAGE = """
            {"id":"msg_foreign_1","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"text","text":"Spend "},{"type":"text","text":"less."}],
             "stop_reason":"max_tokens","stop_sequence":null,
             "usage":{"input_tokens":100,"cache_creation_input_tokens":500,"cache_read_input_tokens":2000,
               "cache_creation":{"ephemeral_5m_input_tokens":300,"ephemeral_1h_input_tokens":200},
               "output_tokens":50,"service_tier":"standard"}}
            """;

    @RegisterExtension
    static WireMockExtension anthropic = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ForeignCallFixture fixture = new ForeignCallFixture(anthropic.baseUrl() + "/v1");
    private final AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(anthropic.baseUrl())
            .apiKey("sk-ant-test").maxRetries(0).build();

    @Test
    void messageWithCacheUsage_isNormalisedPricedAndTraced() throws Exception {
        anthropic.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(MESSAGE)));
        MessageCreateParams params = MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(50)
                .addUserMessage("How do I save?").build();
        String before = params.toString();

        Object returned = fixture.call(() -> client.messages().create(params));

        assertThat(returned).isInstanceOf(Message.class);
        assertThat(params.toString()).isEqualTo(before);
        Exchange exchange = fixture.sink.single().exchanges().get(0);
        assertThat(exchange.target().provider()).isEqualTo("anthropic");
        assertThat(exchange.responseModel()).contains("claude-sonnet-4-5");
        assertThat(exchange.responseId()).contains("msg_foreign_1");
        assertThat(exchange.finishReason()).contains(FinishReason.LENGTH);
        assertThat(exchange.responseText()).contains("Spend less.");
        assertThat(exchange.usage()).isEqualTo(Usage.builder().inputTokens(2600).cachedInputTokens(2000)
                .cacheWriteTokens(500).cacheWrite1hTokens(200).outputTokens(50).build());
        // 100 × 3 + 2000 × 0.3 + 500 × 3.75 + 50 × 15, per million
        assertThat(exchange.cost().total()).isEqualByComparingTo(new BigDecimal("0.003525"));
        assertThat(fixture.daily().spent()).isEqualByComparingTo(new BigDecimal("0.003525"));
        SpanData request = fixture.telemetry.span("chat claude-sonnet-4-5");
        assertThat(request.getParentSpanId()).isEqualTo(fixture.telemetry.span("TestService.advise").getSpanId());
        assertThat(request.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("anthropic");
    }
}
