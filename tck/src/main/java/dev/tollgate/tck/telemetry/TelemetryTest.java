package dev.tollgate.tck.telemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.LlmException;
import dev.tollgate.tck.Await;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import dev.tollgate.tck.capture.InnerService;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The span of each call and the GenAI spans of its requests, the GenAI client metrics and the cost
 * counter, as the deployment's exporters receive them.
 */
@ExtendWith(ArquillianExtension.class)
public class TelemetryTest {
    private static final Duration EXPORT_WAIT = Duration.ofSeconds(20);

    @Deployment
    public static WebArchive deployment() {
        TckConfig config = TckConfig.standard()
                .set("otel.sdk.disabled", "false")
                .set("otel.traces.exporter", TckSpanExporterProvider.NAME)
                .set("otel.metrics.exporter", TckSpanExporterProvider.NAME)
                .set("otel.metric.export.interval", "50")
                .set("otel.logs.exporter", "none")
                .set("otel.bsp.schedule.delay", "20");
        List<Class<?>> classes = new ArrayList<>(List.of(TelemetryTest.class, TracedService.class,
                InnerService.class, TckSpans.class, TckSpanExporterProvider.class, TckMetrics.class,
                TckMetricExporterProvider.class, TckMetricPoint.class));
        // where the container provides OpenTelemetry, its SDK exports to TckSpans and TckMetrics through the SPI
        if (!Boolean.getBoolean(TckDeployments.OPENTELEMETRY_PROVIDED)) {
            classes.add(TckOpenTelemetry.class);
        }
        return TckDeployments.war("telemetry", config, classes.toArray(Class<?>[]::new))
                .addAsResource(new StringAsset(TckSpanExporterProvider.class.getName()),
                        "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider")
                .addAsResource(new StringAsset(TckMetricExporterProvider.class.getName()),
                        "META-INF/services/io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider");
    }

    @Inject
    TracedService service;

    private static Optional<SpanData> find(Predicate<SpanData> which) {
        return TckSpans.tollgate().stream().filter(which).findFirst();
    }

    private static SpanData await(String description, Predicate<SpanData> which) {
        Await.until(() -> find(which).isPresent(), EXPORT_WAIT,
                () -> "no exported span " + description + " in " + TckSpans.tollgate());
        return find(which).get();
    }

    private static SpanData callSpan(String callName) {
        return await("of call " + callName, s -> s.getName().equals(callName));
    }

    private static SpanData requestSpanUnder(SpanData call) {
        return await("under " + call.getName(), s -> s.getKind() == SpanKind.CLIENT
                && s.getParentSpanId().equals(call.getSpanId()));
    }

    @Test
    public void call_isASpanWithTheGenAiSpanOfItsRequestUnderIt() {
        assertEquals("Hello from the stub.", service.ask("What should I do?"));

        SpanData call = callSpan("traced.ask");
        SpanData request = requestSpanUnder(call);
        assertEquals("chat tck-plain", request.getName());
        assertEquals(call.getTraceId(), request.getTraceId());
        assertEquals(SpanKind.INTERNAL, call.getKind());
        Attributes a = request.getAttributes();
        assertEquals("chat", a.get(stringKey("gen_ai.operation.name")));
        assertEquals("openai", a.get(stringKey("gen_ai.provider.name")));
        assertEquals("tck-plain", a.get(stringKey("gen_ai.request.model")));
        assertEquals(0.3, a.get(doubleKey("gen_ai.request.temperature")));
        assertEquals(64L, a.get(longKey("gen_ai.request.max_tokens")));
        assertEquals("tck-plain-2025-01-01", a.get(stringKey("gen_ai.response.model")));
        assertEquals("chatcmpl-tck-plain", a.get(stringKey("gen_ai.response.id")));
        assertEquals(List.of("stop"), a.get(stringArrayKey("gen_ai.response.finish_reasons")));
        assertEquals(20L, a.get(longKey("gen_ai.usage.input_tokens")));
        assertEquals(10L, a.get(longKey("gen_ai.usage.output_tokens")));
        assertEquals("127.0.0.1", a.get(stringKey("server.address")));
        assertTrue(a.get(longKey("server.port")) > 0);
        assertEquals("openai", a.get(stringKey("tollgate.provider.id")));
        assertEquals("traced.ask", a.get(stringKey("tollgate.call.name")));
        assertEquals(0.00015, a.get(doubleKey("tollgate.cost")), 1e-12);
        assertEquals("USD", a.get(stringKey("tollgate.cost.currency")));
        assertNull(a.get(stringKey("error.type")));
        assertNull(a.get(stringKey("gen_ai.input.messages")), "content is captured only when asked for");
        Attributes c = call.getAttributes();
        assertEquals("traced.ask", c.get(stringKey("tollgate.call.name")));
        assertEquals("success", c.get(stringKey("tollgate.call.outcome")));
        assertEquals(0.00015, c.get(doubleKey("tollgate.cost")), 1e-12);
        assertEquals(1L, c.get(longKey("tollgate.requests")));
    }

    @Test
    public void refusedRequest_marksBothSpansWithTheCategoryAsErrorType() {
        LlmException thrown = assertThrows(LlmException.class, () -> service.refused());

        SpanData call = callSpan("traced.refused");
        SpanData request = requestSpanUnder(call);
        assertEquals(thrown.category().name(), request.getAttributes().get(stringKey("error.type")));
        assertEquals(StatusCode.ERROR, request.getStatus().getStatusCode());
        assertEquals("RATE_LIMITED", call.getAttributes().get(stringKey("error.type")));
        assertEquals("failure", call.getAttributes().get(stringKey("tollgate.call.outcome")));
        assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertNull(request.getAttributes().get(longKey("gen_ai.usage.input_tokens")));
    }

    @Test
    public void nestedCall_isAChildOfTheOuterCall_andEachRequestOfItsOwnCall() {
        service.outer("Nested?");

        SpanData outer = callSpan("traced.outer");
        SpanData inner = callSpan("inner.summarize");
        assertEquals(outer.getSpanId(), inner.getParentSpanId());
        assertEquals(outer.getTraceId(), inner.getTraceId());
        SpanData outerRequest = requestSpanUnder(outer);
        SpanData innerRequest = requestSpanUnder(inner);
        assertEquals("openai", outerRequest.getAttributes().get(stringKey("gen_ai.provider.name")));
        assertEquals("simulated", innerRequest.getAttributes().get(stringKey("gen_ai.provider.name")));
        assertNotEquals(outerRequest.getSpanId(), innerRequest.getSpanId());
    }

    @Test
    public void stream_recordsTimeToFirstChunkOnItsRequestSpan() {
        assertTrue(!service.stream("Stream?").isEmpty());

        SpanData request = requestSpanUnder(callSpan("traced.stream"));
        assertEquals(Boolean.TRUE, request.getAttributes().get(booleanKey("gen_ai.request.stream")));
        Double firstChunk = request.getAttributes().get(doubleKey("gen_ai.response.time_to_first_chunk"));
        assertTrue(firstChunk != null && firstChunk >= 0, String.valueOf(firstChunk));
        assertEquals("chat sim-model", request.getName());
    }

    @Test
    public void requests_recordTheGenAiClientMetricsAndTheCostByCallName() {
        service.metered("Metered?");

        Await.until(() -> cost("traced.metered").isPresent(), EXPORT_WAIT,
                () -> "no tollgate.cost of traced.metered in " + TckMetrics.points("tollgate.cost"));
        TckMetricPoint cost = cost("traced.metered").get();
        assertEquals("USD", cost.unit());
        assertEquals(0.00015, cost.value(), 1e-12);
        assertEquals("openai", cost.attributes().get("tollgate.provider.id"));
        assertEquals("tck-plain", cost.attributes().get("gen_ai.request.model"));
        TckMetricPoint input = plain("gen_ai.client.token.usage", p -> "input".equals(p.attributes().get("gen_ai.token.type")));
        assertTrue(input.count() >= 1);
        assertEquals(20.0 * input.count(), input.value(), 1e-9, "every tck-plain request sends 20 input tokens");
        assertEquals("{token}", input.unit());
        assertEquals(List.of(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0,
                4194304.0, 16777216.0, 67108864.0), input.boundaries());
        assertEquals("openai", input.attributes().get("gen_ai.provider.name"));
        assertEquals("chat", input.attributes().get("gen_ai.operation.name"));
        assertEquals("tck-plain-2025-01-01", input.attributes().get("gen_ai.response.model"));
        TckMetricPoint output = plain("gen_ai.client.token.usage", p -> "output".equals(p.attributes().get("gen_ai.token.type")));
        assertEquals(10.0 * output.count(), output.value(), 1e-9);
        TckMetricPoint duration = plain("gen_ai.client.operation.duration", p -> !p.attributes().containsKey("error.type"));
        assertEquals("s", duration.unit());
        assertEquals(List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92),
                duration.boundaries());
    }

    private static Optional<TckMetricPoint> cost(String callName) {
        return TckMetrics.points("tollgate.cost").stream()
                .filter(p -> callName.equals(p.attributes().get("tollgate.call.name"))).findFirst();
    }

    /** The point of a metric for the {@code tck-plain} model that matches, once exported. */
    private static TckMetricPoint plain(String metric, Predicate<TckMetricPoint> which) {
        Predicate<TckMetricPoint> point = p -> "tck-plain".equals(p.attributes().get("gen_ai.request.model"))
                && which.test(p);
        Await.until(() -> TckMetrics.points(metric).stream().anyMatch(point), EXPORT_WAIT,
                () -> "no point of " + metric + " in " + TckMetrics.points(metric));
        return TckMetrics.points(metric).stream().filter(point).findFirst().get();
    }

}
