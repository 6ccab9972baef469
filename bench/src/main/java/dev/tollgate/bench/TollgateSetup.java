package dev.tollgate.bench;

import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import dev.tollgate.impl.fallback.FallbackPlan;
import dev.tollgate.impl.telemetry.Telemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.Config;

/**
 * One Tollgate engine, built with impl's {@link Tollgate#builder(Config)} as a container would
 * build it, with the features up to a rung of the {@link Feature} ladder, and its calls made as
 * its interceptors would make them.
 */
public final class TollgateSetup implements AutoCloseable {
    /** The features, added in this order: each rung has every feature before it. */
    public enum Feature {
        /** The call runs in an {@code @LlmCall} context: {@code tollgate.capture().invoke(...)}. */
        CAPTURE,
        /** The model has prices. */
        COST,
        /** The provider has a rate limit that never limits. */
        RATE_LIMIT,
        /** The call runs through a fallback chain that is never needed. */
        FALLBACK,
        /** Calls and requests are traced by the OpenTelemetry SDK into memory, with metrics. */
        TRACING
    }

    private static final String CALL_NAME = "Bench.answer";

    private final Tollgate tollgate;
    private final ChatClient llm;
    private final int rung;
    private final CallPoint point;
    private final FallbackPlan plan;
    private final InMemorySpanExporter spans;
    private final OpenTelemetrySdk openTelemetry;

    /** The method an interceptor would wrap; only its metadata is used. */
    static final class Service {
        String answer() {
            return "";
        }
    }

    /**
     * @param upstream where requests go
     * @param route the mock's route
     * @param upTo the last feature added, or {@code null} for the client alone
     */
    public TollgateSetup(Upstream upstream, String route, Feature upTo) {
        this.rung = upTo == null ? -1 : upTo.ordinal();
        Map<String, String> p = new HashMap<>();
        p.put("tollgate.provider", "mock");
        for (String id : List.of("mock", "backup")) {
            p.put("tollgate.providers." + id + ".type", upstream.tollgateType());
            p.put("tollgate.providers." + id + ".base-url", upstream.baseUrl(route));
            p.put("tollgate.providers." + id + ".model", "gpt-4o-mini");
            p.put("tollgate.providers." + id + ".timeout", Upstream.TIMEOUT.toSeconds() + "s");
        }
        if (has(Feature.COST)) {
            p.put("tollgate.pricing.mock.gpt-4o-mini.input", "0.15");
            p.put("tollgate.pricing.mock.gpt-4o-mini.output", "0.6");
        }
        if (has(Feature.RATE_LIMIT)) {
            p.put("tollgate.providers.mock.rate-limit.rpm", "100000000");
            p.put("tollgate.providers.mock.rate-limit.tpm", "1000000000");
        }
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(p, "bench", 400)).build();
        Tollgate.Builder builder = Tollgate.builder(config);
        if (has(Feature.TRACING)) {
            spans = InMemorySpanExporter.create();
            openTelemetry = OpenTelemetrySdk.builder()
                    .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans))
                            .build())
                    .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create())
                            .build())
                    .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                    .build();
            builder.observers(List.of(Telemetry.observer(openTelemetry, config)));
        } else {
            spans = null;
            openTelemetry = null;
        }
        this.tollgate = builder.build();
        this.llm = tollgate.chatClient();
        try {
            Method method = Service.class.getDeclaredMethod("answer");
            this.point = tollgate.callPoint(CALL_NAME, method, "", "");
            this.plan = tollgate.fallbackPlan(CALL_NAME, method, new String[] {"mock", "backup"},
                    new ErrorCategory[] {ErrorCategory.SERVER_ERROR, ErrorCategory.OVERLOADED}, "");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean has(Feature feature) {
        return feature.ordinal() <= rung;
    }

    /** @return the engine */
    public Tollgate tollgate() {
        return tollgate;
    }

    /**
     * One call, as an application makes it.
     *
     * @return the answer
     * @throws Exception if the call fails
     */
    public ChatResponse call() throws Exception {
        return (ChatResponse) intercepted(() -> llm.chat(ChatRequest.of("Say hello")));
    }

    /**
     * One streamed call, read to its end.
     *
     * @param text told each chunk's text
     * @return the answer's usage total
     * @throws Exception if the call fails
     */
    public long stream(Consumer<String> text) throws Exception {
        return stream(text, Integer.MAX_VALUE);
    }

    /**
     * One streamed call, read to its end or closed after some chunks, as by a client that leaves.
     *
     * @param text told each chunk's text
     * @param most the most chunks to read before closing the stream
     * @return the answer's usage total, or -1 if the stream was closed before its end
     * @throws Exception if the call fails
     */
    public long stream(Consumer<String> text, int most) throws Exception {
        return (Long) intercepted(() -> {
            try (ChatStream stream = llm.stream(ChatRequest.of("Say hello"))) {
                int read = 0;
                for (Iterator<ChatChunk> chunks = stream.iterator(); chunks.hasNext(); read++) {
                    if (read == most) {
                        return -1L;
                    }
                    text.accept(chunks.next().text());
                }
                return stream.response().toCompletableFuture().join().usage().totalTokens();
            }
        });
    }

    private Object intercepted(Callable<Object> call) throws Exception {
        if (has(Feature.FALLBACK)) {
            Callable<Object> inner = call;
            call = () -> tollgate.fallback().invoke(plan, inner);
        }
        return has(Feature.CAPTURE) ? tollgate.capture().invoke(point, call) : call.call();
    }

    /** @return the spans kept since they were last dropped */
    public int spansKept() {
        return spans == null ? 0 : spans.getFinishedSpanItems().size();
    }

    /** Drops the spans kept so far, so memory does not grow with the run. */
    public void dropSpans() {
        if (spans != null) {
            spans.reset();
        }
    }

    @Override
    public void close() {
        tollgate.close();
        if (openTelemetry != null) {
            openTelemetry.close();
        }
    }
}
