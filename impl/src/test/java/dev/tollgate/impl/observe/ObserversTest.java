package dev.tollgate.impl.observe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import dev.tollgate.impl.capture.LlmCallContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What observers are told of calls and requests, and that a failing observer harms nothing. */
class ObserversTest {
    @RegisterExtension
    static WireMockExtension stub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final TestRecordSink sink = new TestRecordSink();
    private final List<String> events = new CopyOnWriteArrayList<>();

    /** Writes down what it is told. */
    private final class Listening implements CallObserver {
        @Override
        public CallObservation callStarted(LlmCallContext context) {
            events.add("call started " + context.point().callName());
            context.attach(this, "span");
            return new CallObservation() {
                @Override
                public void left() {
                    events.add("call left");
                }

                @Override
                public void ended(LlmCallRecord record) {
                    events.add("call ended with " + record.exchanges().size() + " exchange(s)");
                }
            };
        }

        @Override
        public RequestObservation requestStarted(RequestStart start) {
            events.add("request started " + start.callName() + " " + start.target() + " attached "
                    + (start.context() == null ? null : start.context().attachment(this))
                    + (start.streamed() ? " streamed" : ""));
            return new RequestObservation() {
                @Override
                public void headers(BiConsumer<String, String> header) {
                    header.accept("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
                }

                @Override
                public void firstChunk() {
                    events.add("first chunk");
                }

                @Override
                public void ended(Exchange exchange) {
                    events.add("request ended " + exchange.usage().outputTokens());
                }
            };
        }
    }

    /** Fails at every hook. */
    private static final class Broken implements CallObserver {
        @Override
        public CallObservation callStarted(LlmCallContext context) {
            throw new IllegalStateException("broken observer");
        }

        @Override
        public RequestObservation requestStarted(RequestStart start) {
            return new RequestObservation() {
                @Override
                public void headers(BiConsumer<String, String> header) {
                    throw new IllegalStateException("broken headers");
                }

                @Override
                public void ended(Exchange exchange) {
                    throw new IllegalStateException("broken end");
                }
            };
        }
    }

    private Tollgate simulated(CallObserver... observers) {
        return Tollgate.builder(TestConfig.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.model", "sim-1",
                "tollgate.providers.sim.reply", "one two",
                "tollgate.providers.sim.output-tokens", "2"))
                .recordSink(sink).observers(List.of(observers)).executor(Runnable::run).build();
    }

    @SuppressWarnings("unused")
    private String answer() {
        return "";
    }

    private static CallPoint point(Tollgate tollgate) throws NoSuchMethodException {
        return tollgate.callPoint("Support.answer", ObserversTest.class.getDeclaredMethod("answer"), "", "");
    }

    @Test
    void observersAreToldOfTheCallAndEachRequestInOrder() throws Exception {
        Tollgate tollgate = simulated(new Listening());

        tollgate.capture().invoke(point(tollgate), () -> tollgate.chatClient().chat(ChatRequest.of("hi")));

        assertThat(events).containsExactly(
                "call started Support.answer",
                "request started Support.answer sim/sim-1 attached span",
                "request ended 2",
                "call left",
                "call ended with 1 exchange(s)");
    }

    @Test
    void aStreamTellsItsFirstChunkOnceAndEndsWhenConsumed() {
        Tollgate tollgate = simulated(new Listening());

        try (ChatStream stream = tollgate.chatClient().stream(ChatRequest.of("hi"))) {
            stream.forEach(chunk -> { });
        }

        assertThat(events).containsExactly(
                "request started standalone sim/sim-1 attached null streamed",
                "first chunk",
                "request ended 2");
    }

    @Test
    void aFailingObserverCostsTheCallNothingAndTheOthersAreStillTold() throws Exception {
        Tollgate tollgate = simulated(new Broken(), new Listening());

        Object result = tollgate.capture().invoke(point(tollgate),
                () -> tollgate.chatClient().chat(ChatRequest.of("hi")).text());

        assertThat(result).isEqualTo("one two");
        assertThat(events).contains("request ended 2", "call ended with 1 exchange(s)");
        assertThat(sink.single().exchanges()).hasSize(1);
        assertThat(tollgate.captureFailures().count()).isEqualTo(2);
    }

    @Test
    void observerHeadersGoWithTheProviderRequest() {
        stub.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}")));
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.openai.type", "openai",
                "tollgate.providers.openai.base-url", stub.baseUrl() + "/v1",
                "tollgate.providers.openai.api-key", "sk-test",
                "tollgate.providers.openai.model", "gpt-4o-mini"))
                .recordSink(sink).observers(List.of(new Listening())).build();

        tollgate.chatClient().chat(ChatRequest.of("hi"));

        stub.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("traceparent", equalTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));
        assertThat(events).last().isEqualTo("request ended 1");
    }
}
