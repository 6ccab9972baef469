package dev.tollgate.impl.telemetry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import dev.tollgate.impl.provider.openai.OpenAiFixtures;
import dev.tollgate.impl.provider.openai.StreamedAnswer;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Spans, metrics and trace propagation of calls and requests, on the OpenTelemetry SDK, over HTTP. */
class TelemetryObserverTest {
    private static final String PATH = "/v1/chat/completions";

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final TestTelemetry telemetry = new TestTelemetry();
    private final TestRecordSink sink = new TestRecordSink();

    /** The methods a container would intercept; only their metadata is used. */
    @SuppressWarnings("unused")
    static final class TestService {
        String summarize(String text) {
            return text;
        }
    }

    private Tollgate tollgate(String... extra) {
        return tollgate(Runnable::run, List.of(), extra);
    }

    private Tollgate tollgate(java.util.concurrent.Executor executor, List<dev.tollgate.api.spi.PromptRedactor> redactors,
            String... extra) {
        TestConfig properties = TestConfig.properties()
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.base-url", openAi.baseUrl() + "/v1")
                .set("tollgate.providers.openai.api-key", "sk-test-telemetry")
                .set("tollgate.providers.openai.model", "gpt-4o-mini")
                .set("tollgate.providers.openai.timeout", "5s")
                .set("tollgate.pricing.openai.gpt-4o-mini.input", "0.15")
                .set("tollgate.pricing.openai.gpt-4o-mini.output", "0.6");
        for (int i = 0; i < extra.length; i += 2) {
            properties.set(extra[i], extra[i + 1]);
        }
        Config config = properties.build();
        return Tollgate.builder(config).recordSink(sink).executor(executor).redactors(redactors)
                .observers(List.of(Telemetry.observer(telemetry.openTelemetry(), config))).build();
    }

    private static CallPoint point(Tollgate tollgate) throws NoSuchMethodException {
        return tollgate.callPoint("TestService.summarize", TestService.class.getDeclaredMethod("summarize",
                String.class), "", "");
    }

    private static void answerWith(String fixture) {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OpenAiFixtures.resource("openai/" + fixture))));
    }

    private static ChatRequest tunedRequest() {
        return ChatRequest.builder().user("Say hello").temperature(0.2).topP(0.9).maxTokens(50).stop("END")
                .seed(7L).build();
    }

    @Test
    void callWithOneRequest_isACallSpanWithAClientSpanOfTheGenAiConventionsUnderIt() throws Exception {
        answerWith("chat-completion.json");
        Tollgate tollgate = tollgate();
        ChatClient llm = tollgate.chatClient();

        tollgate.capture().invoke(point(tollgate), () -> llm.chat(tunedRequest()).text());

        SpanData call = telemetry.span("TestService.summarize");
        SpanData request = telemetry.span("chat gpt-4o-mini");
        assertThat(request.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(request.getParentSpanId()).isEqualTo(call.getSpanId());
        assertThat(request.getTraceId()).isEqualTo(call.getTraceId());
        assertThat(call.getParentSpanContext().isValid()).isFalse();
        Attributes a = request.getAttributes();
        assertThat(a.get(stringKey("gen_ai.operation.name"))).isEqualTo("chat");
        assertThat(a.get(stringKey("gen_ai.provider.name"))).isEqualTo("openai");
        assertThat(a.get(stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o-mini");
        assertThat(a.get(doubleKey("gen_ai.request.temperature"))).isEqualTo(0.2);
        assertThat(a.get(doubleKey("gen_ai.request.top_p"))).isEqualTo(0.9);
        assertThat(a.get(longKey("gen_ai.request.max_tokens"))).isEqualTo(50L);
        assertThat(a.get(stringArrayKey("gen_ai.request.stop_sequences"))).containsExactly("END");
        assertThat(a.get(longKey("gen_ai.request.seed"))).isEqualTo(7L);
        assertThat(a.get(stringKey("gen_ai.response.model"))).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(a.get(stringKey("gen_ai.response.id"))).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
        assertThat(a.get(stringArrayKey("gen_ai.response.finish_reasons"))).containsExactly("stop");
        assertThat(a.get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(19L);
        assertThat(a.get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(10L);
        assertThat(a.get(stringKey("server.address"))).isEqualTo("localhost");
        assertThat(a.get(longKey("server.port"))).isEqualTo((long) openAi.getPort());
        assertThat(a.get(stringKey("tollgate.provider.id"))).isEqualTo("openai");
        assertThat(a.get(stringKey("tollgate.call.name"))).isEqualTo("TestService.summarize");
        assertThat(a.get(doubleKey("tollgate.cost"))).isEqualTo(0.00000885);
        assertThat(a.get(stringKey("tollgate.cost.currency"))).isEqualTo("USD");
        assertThat(a.get(booleanKey("gen_ai.request.stream"))).isNull();
        assertThat(a.get(stringKey("error.type"))).isNull();
        assertThat(a.get(stringKey("gen_ai.input.messages"))).as("content is opt-in").isNull();
        assertThat(a.get(stringKey("gen_ai.output.messages"))).isNull();
        assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        Attributes c = call.getAttributes();
        assertThat(c.get(stringKey("tollgate.call.name"))).isEqualTo("TestService.summarize");
        assertThat(c.get(stringKey("tollgate.call.outcome"))).isEqualTo("success");
        assertThat(c.get(doubleKey("tollgate.cost"))).isEqualTo(0.00000885);
        assertThat(c.get(longKey("tollgate.requests"))).isEqualTo(1L);
        assertThat(call.getKind()).isEqualTo(SpanKind.INTERNAL);
    }

    @Test
    void request_carriesTheTraceContextOfItsClientSpanToTheProvider() throws Exception {
        answerWith("chat-completion.json");
        Tollgate tollgate = tollgate();

        tollgate.capture().invoke(point(tollgate), () -> tollgate.chatClient().chat("Say hello"));

        SpanData request = telemetry.span("chat gpt-4o-mini");
        LoggedRequest sent = openAi.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        assertThat(sent.getHeader("traceparent"))
                .isEqualTo("00-" + request.getTraceId() + "-" + request.getSpanId() + "-01");
    }

    @Test
    void standaloneRequest_isAChildOfTheApplicationsCurrentSpan() {
        answerWith("chat-completion.json");
        Tollgate tollgate = tollgate();
        Span application = telemetry.openTelemetry().getTracer("app").spanBuilder("GET /summary").startSpan();

        try (Scope scope = application.makeCurrent()) {
            tollgate.chatClient().chat("Say hello");
        }
        application.end();

        SpanData request = telemetry.span("chat gpt-4o-mini");
        assertThat(request.getParentSpanId()).isEqualTo(application.getSpanContext().getSpanId());
        assertThat(request.getAttributes().get(stringKey("tollgate.call.name"))).isEqualTo("standalone");
    }

    @Test
    void failedRequest_hasTheCategoryAsErrorTypeAndAnErrorStatusWithoutTheProvidersMessage() throws Exception {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiFixtures.resource("openai/error-429-rate-limit-exceeded.json"))));
        Tollgate tollgate = tollgate();

        Throwable thrown = catchThrowable(() -> tollgate.capture().invoke(point(tollgate),
                () -> tollgate.chatClient().chat("Say hello")));

        assertThat(thrown).isInstanceOf(LlmException.class);
        SpanData request = telemetry.span("chat gpt-4o-mini");
        assertThat(request.getAttributes().get(stringKey("error.type"))).isEqualTo("RATE_LIMITED");
        assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(request.getStatus().getDescription()).isEqualTo("RATE_LIMITED");
        assertThat(request.getEvents()).isEmpty();
        assertThat(request.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isNull();
        SpanData call = telemetry.span("TestService.summarize");
        assertThat(call.getAttributes().get(stringKey("error.type"))).isEqualTo("RATE_LIMITED");
        assertThat(call.getAttributes().get(stringKey("tollgate.call.outcome"))).isEqualTo("failure");
        assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        HistogramPointData duration = histogramPoint(telemetry.metrics().collectAllMetrics(),
                "gen_ai.client.operation.duration");
        assertThat(duration.getAttributes().get(stringKey("error.type"))).isEqualTo("RATE_LIMITED");
        assertThat(histogramPoints(telemetry.metrics().collectAllMetrics(), "gen_ai.client.token.usage")).isEmpty();
    }

    @Test
    void requestRefusedBeforeSending_isAFailedClientSpanUnderItsCall() throws Exception {
        Tollgate tollgate = tollgate("tollgate.budgets.tiny.limit", "0.000001", "tollgate.budgets.tiny.period", "day");

        Throwable thrown = catchThrowable(() -> tollgate.capture().invoke(point(tollgate),
                () -> tollgate.chatClient().chat(ChatRequest.builder().user("Say hello").maxTokens(50).build())));

        assertThat(thrown).isInstanceOf(LlmException.class);
        openAi.verify(0, postRequestedFor(urlEqualTo(PATH)));
        SpanData call = telemetry.span("TestService.summarize");
        SpanData request = telemetry.span("chat gpt-4o-mini");
        assertThat(request.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(request.getParentSpanId()).isEqualTo(call.getSpanId());
        assertThat(request.getAttributes().get(stringKey("error.type"))).isEqualTo("QUOTA_EXCEEDED");
        assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(call.getAttributes().get(longKey("tollgate.requests"))).isEqualTo(1L);
    }

    @Test
    void requests_recordTokenUsageDurationAndCostMetricsWithTheConventionsBuckets() throws Exception {
        answerWith("chat-completion.json");
        Tollgate tollgate = tollgate();

        tollgate.capture().invoke(point(tollgate), () -> tollgate.chatClient().chat("Say hello"));
        tollgate.capture().invoke(point(tollgate), () -> tollgate.chatClient().chat("Say hello"));

        Collection<MetricData> metrics = telemetry.metrics().collectAllMetrics();
        MetricData tokens = metric(metrics, "gen_ai.client.token.usage");
        assertThat(tokens.getUnit()).isEqualTo("{token}");
        List<HistogramPointData> points = histogramPoints(metrics, "gen_ai.client.token.usage");
        assertThat(points).hasSize(2);
        HistogramPointData input = points.stream()
                .filter(p -> "input".equals(p.getAttributes().get(stringKey("gen_ai.token.type")))).findFirst().get();
        assertThat(input.getCount()).isEqualTo(2);
        assertThat(input.getSum()).isEqualTo(38.0);
        assertThat(input.getBoundaries()).containsExactly(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0,
                65536.0, 262144.0, 1048576.0, 4194304.0, 16777216.0, 67108864.0);
        assertThat(input.getAttributes().asMap()).containsAllEntriesOf(Map.of(
                stringKey("gen_ai.operation.name"), "chat",
                stringKey("gen_ai.provider.name"), "openai",
                stringKey("gen_ai.request.model"), "gpt-4o-mini",
                stringKey("gen_ai.response.model"), "gpt-4o-mini-2024-07-18",
                stringKey("server.address"), "localhost"));
        MetricData duration = metric(metrics, "gen_ai.client.operation.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        HistogramPointData d = histogramPoint(metrics, "gen_ai.client.operation.duration");
        assertThat(d.getCount()).isEqualTo(2);
        assertThat(d.getBoundaries()).containsExactly(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
                10.24, 20.48, 40.96, 81.92);
        assertThat(d.getAttributes().get(stringKey("error.type"))).isNull();
        MetricData cost = metric(metrics, "tollgate.cost");
        assertThat(cost.getUnit()).isEqualTo("USD");
        var sum = cost.getDoubleSumData().getPoints().iterator().next();
        assertThat(sum.getValue()).isCloseTo(0.0000177, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sum.getAttributes().asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                stringKey("tollgate.provider.id"), "openai",
                stringKey("gen_ai.request.model"), "gpt-4o-mini",
                stringKey("tollgate.call.name"), "TestService.summarize"));
    }

    @Test
    void stream_recordsTimeToFirstChunkOnItsSpanAndInTheConventionsMetric() throws Exception {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(StreamedAnswer.sse(OpenAiFixtures.resource("openai/stream.txt"))));
        Tollgate tollgate = tollgate();

        StreamedAnswer answer = (StreamedAnswer) tollgate.capture().invoke(point(tollgate),
                () -> StreamedAnswer.read(tollgate.chatClient().stream(ChatRequest.of("Say hello"))));

        assertThat(answer.failure()).isNull();
        SpanData request = telemetry.span("chat gpt-4o-mini");
        assertThat(request.getAttributes().get(booleanKey("gen_ai.request.stream"))).isTrue();
        assertThat(request.getAttributes().get(doubleKey("gen_ai.response.time_to_first_chunk")))
                .isPositive()
                .isLessThanOrEqualTo((request.getEndEpochNanos() - request.getStartEpochNanos()) / 1e9);
        assertThat(request.getAttributes().get(longKey("gen_ai.usage.output_tokens"))).isPositive();
        assertThat(request.getParentSpanId()).isEqualTo(telemetry.span("TestService.summarize").getSpanId());
        LoggedRequest sent = openAi.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        assertThat(sent.getHeader("traceparent")).contains(request.getSpanId());
        HistogramPointData firstChunk = histogramPoint(telemetry.metrics().collectAllMetrics(),
                "gen_ai.client.operation.time_to_first_chunk");
        assertThat(firstChunk.getCount()).isEqualTo(1);
    }

    @Test
    void captureContent_putsThePromptAndAnswerIntoTheConventionsMessageAttributes() throws Exception {
        answerWith("chat-completion.json");
        Tollgate tollgate = tollgate("tollgate.telemetry.capture-content", "true");

        tollgate.capture().invoke(point(tollgate), () -> tollgate.chatClient().chat(ChatRequest.builder()
                .system("Be brief.").user("Say hello").responseFormat(ResponseFormat.json()).build()));

        Attributes a = telemetry.span("chat gpt-4o-mini").getAttributes();
        assertThat(a.get(stringKey("gen_ai.input.messages"))).isEqualTo(
                "[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
                        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Say hello\"}]}]");
        assertThat(a.get(stringKey("gen_ai.output.messages"))).isEqualTo(
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":"
                        + "\"Hello! How can I assist you today?\"}],\"finish_reason\":\"stop\"}]");
        assertThat(a.get(stringKey("gen_ai.output.type"))).isEqualTo("json");
    }

    @Test
    void captureContent_showsNoPromptThatCaptureOfPromptsTurnedOff() throws Exception {
        answerWith("chat-completion.json");
        Tollgate tollgate = tollgate("tollgate.telemetry.capture-content", "true", "tollgate.capture.prompts", "false");

        tollgate.capture().invoke(point(tollgate), () -> tollgate.chatClient().chat("Say hello"));

        Attributes a = telemetry.span("chat gpt-4o-mini").getAttributes();
        assertThat(a.get(stringKey("gen_ai.input.messages"))).isNull();
        assertThat(a.get(stringKey("gen_ai.output.messages"))).isNull();
    }

    @Test
    void captureContent_showsPromptsAndAnswersAsRedacted() throws Exception {
        answerWith("chat-completion.json");
        Tollgate tollgate = tollgate(Runnable::run, List.of(text -> text.replace("hello", "[name]")),
                "tollgate.telemetry.capture-content", "true");

        tollgate.capture().invoke(point(tollgate), () -> tollgate.chatClient().chat("Say hello"));

        Attributes a = telemetry.span("chat gpt-4o-mini").getAttributes();
        assertThat(a.get(stringKey("gen_ai.input.messages"))).contains("Say [name]").doesNotContain("hello");
    }

    @Test
    void captureContentThatIsNotABoolean_failsNamingTheProperty() {
        Config config = TestConfig.of("tollgate.telemetry.capture-content", "sometimes");

        assertThat(catchThrowable(() -> Telemetry.observer(telemetry.openTelemetry(), config)))
                .isInstanceOf(dev.tollgate.impl.config.TollgateConfigException.class)
                .hasMessageContaining("'tollgate.telemetry.capture-content'");
    }

    @Test
    void asyncRequestOnAnotherThread_isAChildOfItsCallSpan() throws Exception {
        answerWith("chat-completion.json");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Tollgate tollgate = tollgate(pool, List.of());

            tollgate.capture().invoke(point(tollgate), () -> tollgate.chatClient().chatAsync(ChatRequest.of("Say hello"))
                    .toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            pool.shutdown();
        }

        assertThat(telemetry.span("chat gpt-4o-mini").getParentSpanId())
                .isEqualTo(telemetry.span("TestService.summarize").getSpanId());
    }

    @Test
    void streamReturnedByTheCall_endsTheCallSpanWhenItIsReadToTheEnd() throws Exception {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(StreamedAnswer.sse(OpenAiFixtures.resource("openai/stream.txt"))));
        Tollgate tollgate = tollgate();

        dev.tollgate.api.ChatStream stream = (dev.tollgate.api.ChatStream) tollgate.capture().invoke(point(tollgate),
                () -> tollgate.chatClient().stream(ChatRequest.of("Say hello")));
        assertThat(telemetry.spans()).as("the call goes on while its stream is read").isEmpty();
        StreamedAnswer.read(stream);

        SpanData call = telemetry.span("TestService.summarize");
        assertThat(telemetry.span("chat gpt-4o-mini").getParentSpanId()).isEqualTo(call.getSpanId());
        assertThat(call.getAttributes().get(stringKey("tollgate.call.outcome"))).isEqualTo("success");
        assertThat(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid())
                .as("the call span is not left current on the thread").isFalse();
    }

    @Test
    void semconvOptIn_isReadAsTheConventionsCommaSeparatedList() {
        assertThat(TelemetrySettings.latestExperimental("http, gen_ai_latest_experimental")).isTrue();
        assertThat(TelemetrySettings.latestExperimental("gen_ai_latest_experimental")).isTrue();
        assertThat(TelemetrySettings.latestExperimental("http/dup")).isFalse();
        assertThat(TelemetrySettings.latestExperimental(null)).isFalse();
    }

    static MetricData metric(Collection<MetricData> metrics, String name) {
        return metrics.stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + metrics));
    }

    static List<HistogramPointData> histogramPoints(Collection<MetricData> metrics, String name) {
        return metrics.stream().filter(m -> m.getName().equals(name))
                .flatMap(m -> m.getHistogramData().getPoints().stream()).map(p -> (HistogramPointData) p).toList();
    }

    static HistogramPointData histogramPoint(Collection<MetricData> metrics, String name) {
        List<HistogramPointData> points = histogramPoints(metrics, name);
        assertThat(points).as(name).hasSize(1);
        return points.get(0);
    }
}
