package dev.tollgate.impl.foreign;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.Message;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.foreign.langchain4j.TollgateChatModelListener;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LangChain4j's real {@code OpenAiChatModel}, over HTTP to a stub of the Chat Completions API, with
 * the {@link TollgateChatModelListener}, inside an {@code @LlmCall}.
 */
class LangChain4jCaptureTest {
    private static final String PATH = "/v1/chat/completions";

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ForeignCallFixture fixture = new ForeignCallFixture(openAi.baseUrl() + "/v1");

    /** An AI service, as applications declare them. */
    interface Advisor {
        @dev.langchain4j.service.SystemMessage("You are a frugal advisor.")
        String advise(String question);
    }

    private ChatModel model() {
        return OpenAiChatModel.builder().baseUrl(openAi.baseUrl() + "/v1").apiKey("sk-test-lc4j")
                .modelName("gpt-4o-mini").maxRetries(0).listeners(List.of(TollgateChatModelListener.of(fixture.tollgate)))
                .build();
    }

    private static void answer() {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OpenAiSdkCaptureTest.COMPLETION)));
    }

    @Test
    void aiServiceCall_isAnExchangeWithThePromptsItWasGivenUsageCostSpanAndBudget() throws Exception {
        answer();
        Advisor advisor = AiServices.create(Advisor.class, model());

        Object returned = fixture.call(() -> advisor.advise("How do I get rich?"));

        assertThat(returned).isEqualTo("Buy low.");
        LlmCallRecord record = fixture.sink.single();
        assertThat(record.exchanges()).hasSize(1);
        Exchange exchange = record.exchanges().get(0);
        assertThat(exchange.target().provider()).isEqualTo("openai");
        assertThat(exchange.target().model()).isEqualTo("gpt-4o-mini");
        assertThat(exchange.responseModel()).contains("gpt-4o-mini-2024-07-18");
        assertThat(exchange.requestMessages()).containsExactly(Message.system("You are a frugal advisor."),
                Message.user("How do I get rich?"));
        assertThat(exchange.responseText()).contains("Buy low.");
        assertThat(exchange.usage()).isEqualTo(Usage.of(1000, 200));
        // LangChain4j's usage has no cached count: 1000 × 0.15 + 200 × 0.6, per million
        assertThat(exchange.cost().total()).isEqualByComparingTo(new BigDecimal("0.00027"));
        assertThat(fixture.daily().spent()).isEqualByComparingTo(new BigDecimal("0.00027"));
        assertThat(fixture.daily().reserved()).as("the reservation taken before sending is settled")
                .isEqualByComparingTo(BigDecimal.ZERO);
        SpanData request = fixture.telemetry.span("chat gpt-4o-mini");
        assertThat(request.getParentSpanId()).isEqualTo(fixture.telemetry.span("TestService.advise").getSpanId());
        assertThat(request.getAttributes().get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(200L);
    }

    @Test
    void chatResponseReturnedAfterTheListenerRecordedIt_isCountedOnce() throws Exception {
        answer();
        ChatModel model = model();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from("Be brief."), UserMessage.from("How do I get rich?")).build();
        ChatRequest copy = request.toBuilder().build();

        fixture.call(() -> model.chat(request));

        assertThat(request).isEqualTo(copy);
        assertThat(request.messages()).hasSize(2);
        assertThat(fixture.sink.single().exchanges()).hasSize(1);
        assertThat(fixture.sink.single().exchanges().get(0).responseId()).contains("chatcmpl-foreign-1");
    }

    @Test
    void refusedRequest_isAFailedExchangeWithItsCategoryAndNoCharge() throws Exception {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                        + "\"code\":\"rate_limit_exceeded\"}}")));
        Advisor advisor = AiServices.create(Advisor.class, model());

        Throwable thrown = catchThrowable(() -> fixture.call(() -> advisor.advise("How do I get rich?")));

        assertThat(thrown).isNotNull();
        Exchange exchange = fixture.sink.single().exchanges().get(0);
        assertThat(exchange.error()).hasValueSatisfying(e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
            assertThat(e.httpStatus()).hasValue(429);
        });
        assertThat(exchange.cost().total()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(fixture.daily().spent()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(fixture.daily().reserved()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(fixture.telemetry.span("chat gpt-4o-mini").getAttributes().get(stringKey("error.type")))
                .isNotNull();
    }

    @Test
    void requestOverASpentBudget_cannotBeRefusedSoItGoesAheadAndIsCharged() throws Exception {
        answer();
        ForeignCallFixture tight = new ForeignCallFixture(openAi.baseUrl() + "/v1", "tollgate.budgets.daily.limit",
                "0.0002");
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl() + "/v1").apiKey("sk-test-lc4j")
                .modelName("gpt-4o-mini").maxRetries(0).maxTokens(10)
                .listeners(List.of(TollgateChatModelListener.of(tight.tollgate))).build();

        tight.call(() -> model.chat("Hello"));
        Object second = tight.call(() -> model.chat("Hello again"));

        assertThat(second).isEqualTo("Buy low.");
        assertThat(tight.sink.records()).hasSize(2);
        assertThat(tight.daily().spent()).isEqualByComparingTo(new BigDecimal("0.00054"));
        assertThat(tight.daily().reserved()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(tight.tollgate.captureFailures().count()).as("the refusal is logged and counted").isEqualTo(1);
    }

    @Test
    void listenerOutsideAnyCall_recordsAStandaloneRecord() {
        answer();

        model().chat("Hello");

        assertThat(fixture.sink.single().callName()).isEqualTo(LlmCallRecord.STANDALONE);
        assertThat(fixture.sink.single().exchanges().get(0).usage().inputTokens()).isEqualTo(1000);
    }

    @Test
    void configuredProviderId_namesTheExchanges() throws Exception {
        answer();
        ForeignCallFixture named = new ForeignCallFixture(openAi.baseUrl() + "/v1",
                "tollgate.clients.langchain4j.provider", "openai");
        ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl() + "/v1").apiKey("sk-test-lc4j")
                .modelName("gpt-4o-mini").maxRetries(0)
                .listeners(List.of(TollgateChatModelListener.of(named.tollgate))).build();

        named.call(() -> model.chat("Hello"));

        assertThat(named.sink.single().exchanges().get(0).target().provider()).isEqualTo("openai");
        assertThat(named.tollgate.foreignClients().provider("langchain4j")).contains("openai");
    }
}
