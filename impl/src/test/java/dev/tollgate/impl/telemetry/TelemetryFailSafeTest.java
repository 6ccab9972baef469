package dev.tollgate.impl.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** A broken tracing pipeline costs the business call nothing; what breaks is counted. */
class TelemetryFailSafeTest {
    private final TestRecordSink sink = new TestRecordSink();

    /** The method a container would intercept; only its metadata is used. */
    @SuppressWarnings("unused")
    static final class TestService {
        String ask(String text) {
            return text;
        }
    }

    /** Throws wherever the SDK lets a span processor run on the caller's thread. */
    static final class ThrowingProcessor implements SpanProcessor {
        private final boolean onStart;

        ThrowingProcessor(boolean onStart) {
            this.onStart = onStart;
        }

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
            if (onStart) {
                throw new IllegalStateException("processor broken on start");
            }
        }

        @Override
        public boolean isStartRequired() {
            return true;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            throw new IllegalStateException("processor broken on end");
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }

    /** An exporter that throws on every batch. */
    static final class ThrowingExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            throw new IllegalStateException("exporter broken");
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private Tollgate tollgate(TestTelemetry telemetry) {
        Config config = TestConfig.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.model", "sim-1",
                "tollgate.providers.sim.input-tokens", "10",
                "tollgate.providers.sim.output-tokens", "5");
        return Tollgate.builder(config).recordSink(sink).executor(Runnable::run)
                .observers(List.of(Telemetry.observer(telemetry.openTelemetry(), config))).build();
    }

    private Object askThrough(Tollgate tollgate) throws Exception {
        return tollgate.capture().invoke(tollgate.callPoint("TestService.ask",
                TestService.class.getDeclaredMethod("ask", String.class), "", ""),
                () -> tollgate.chatClient().chat(ChatRequest.of("hi")).text());
    }

    @Test
    void spanProcessorThatThrowsOnStartAndEnd_costsTheCallNothing_andIsCounted() throws Exception {
        Tollgate tollgate = tollgate(new TestTelemetry(new ThrowingProcessor(true)));

        Object answer = askThrough(tollgate);

        assertThat(answer).isEqualTo("Simulated answer to: hi");
        assertThat(sink.single().outcome()).isEqualTo(LlmCallRecord.Outcome.SUCCESS);
        assertThat(sink.single().exchanges()).hasSize(1);
        assertThat(tollgate.captureFailures().count()).isEqualTo(2);
    }

    @Test
    void spanProcessorThatThrowsOnEnd_costsTheCallNothing_andTheMetricsAreStillRecorded() throws Exception {
        TestTelemetry telemetry = new TestTelemetry(new ThrowingProcessor(false));
        Tollgate tollgate = tollgate(telemetry);

        Object answer = askThrough(tollgate);

        assertThat(answer).isEqualTo("Simulated answer to: hi");
        assertThat(tollgate.captureFailures().count()).isEqualTo(2);
        assertThat(TelemetryObserverTest.histogramPoint(telemetry.metrics().collectAllMetrics(),
                "gen_ai.client.operation.duration").getCount()).isEqualTo(1);
    }

    @Test
    void exporterThatThrows_costsTheCallNothing() throws Exception {
        TestTelemetry telemetry = new TestTelemetry(SimpleSpanProcessor.create(new ThrowingExporter()));
        Tollgate tollgate = tollgate(telemetry);

        Object answer = askThrough(tollgate);

        assertThat(answer).isEqualTo("Simulated answer to: hi");
        assertThat(sink.single().outcome()).isEqualTo(LlmCallRecord.Outcome.SUCCESS);
        assertThat(telemetry.spans()).extracting(SpanData::getName).containsExactly("chat sim-1", "TestService.ask");
    }
}
