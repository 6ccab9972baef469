package dev.tollgate.impl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Streams through the engine, on the simulated provider: consumption, early close, recording. */
class ChatStreamTest {
    private final TestRecordSink sink = new TestRecordSink();

    private Tollgate tollgate(String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.model", "sim-1",
                "tollgate.providers.sim.reply", "one two three four five",
                "tollgate.providers.sim.input-tokens", "10",
                "tollgate.providers.sim.output-tokens", "5",
                "tollgate.pricing.sim.sim-1.input", "1",
                "tollgate.pricing.sim.sim-1.output", "2"));
        props.addAll(List.of(extra));
        return Tollgate.builder(TestConfig.of(props.toArray(String[]::new))).recordSink(sink)
                .executor(Runnable::run).build();
    }

    private static ChatRequest hi() {
        return ChatRequest.of("hi");
    }

    @Test
    void iteratedStream_deliversTheAnswerInPiecesAndRecordsItOnce() throws Exception {
        ChatClient llm = tollgate().chatClient();

        List<String> pieces = new ArrayList<>();
        ChatResponse response;
        try (ChatStream stream = llm.stream(hi())) {
            stream.forEach(c -> pieces.add(c.text()));
            response = stream.response().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        assertThat(pieces).containsExactly("one", " two", " three", " four", " five");
        assertThat(response.text()).isEqualTo("one two three four five");
        assertThat(response.usage()).isEqualTo(Usage.of(10, 5));
        assertThat(response.cost().total()).isEqualByComparingTo(new BigDecimal("0.00002"));
        assertThat(response.provider()).isEqualTo("sim");
        Exchange exchange = sink.single().exchanges().get(0);
        assertThat(exchange.usage()).isEqualTo(Usage.of(10, 5));
    }

    @Test
    void streamClosedEarly_recordsPartialUsageAndCost() throws Exception {
        ChatClient llm = tollgate().chatClient();

        ChatStream stream = llm.stream(hi());
        Iterator<ChatChunk> chunks = stream.iterator();
        assertThat(chunks.next().text()).isEqualTo("one");
        stream.close();
        stream.close();

        ChatResponse response = stream.response().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(response.text()).isEqualTo("one");
        assertThat(response.usage().isKnown()).isFalse();
        assertThat(response.usage().inputTokens()).isEqualTo(10);
        assertThat(response.cost().isKnown()).isFalse();
        assertThat(response.cost().total()).isEqualByComparingTo(new BigDecimal("0.00002"));
        assertThat(chunks.hasNext()).isFalse();
        assertThat(sink.records()).hasSize(1);
        assertThat(sink.single().exchanges().get(0).usage().isKnown()).isFalse();
    }

    @Test
    void secondConsumer_isRefused() {
        ChatStream stream = tollgate().chatClient().stream(hi());
        stream.iterator();

        assertThatThrownBy(stream::publisher).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
        stream.close();
    }

    @Test
    void publisher_readsOnlyAsFarAsRequested() throws Exception {
        ChatStream stream = tollgate().chatClient().stream(hi());
        List<String> received = new ArrayList<>();
        Flow.Subscription[] subscription = new Flow.Subscription[1];
        CountDownLatch completed = new CountDownLatch(1);
        stream.publisher().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription[0] = s;
                s.request(2);
            }

            @Override
            public void onNext(ChatChunk item) {
                received.add(item.text());
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
                completed.countDown();
            }
        });

        assertThat(received).containsExactly("one", " two");
        assertThat(stream.response().toCompletableFuture().isDone()).isFalse();
        subscription[0].request(Long.MAX_VALUE);
        assertThat(completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(received).hasSize(5);
        assertThat(stream.response().toCompletableFuture().get().usage().isKnown()).isTrue();
    }

    @Test
    void publisherCancelled_endsTheStreamEarly() throws Exception {
        ChatStream stream = tollgate().chatClient().stream(hi());
        stream.publisher().subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription s;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                s = subscription;
                s.request(1);
            }

            @Override
            public void onNext(ChatChunk item) {
                s.cancel();
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });

        ChatResponse response = stream.response().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(response.text()).isEqualTo("one");
        assertThat(response.usage().isKnown()).isFalse();
    }

    @Test
    void nonPositiveRequest_signalsAnError() throws Exception {
        ChatStream stream = tollgate().chatClient().stream(hi());
        CompletableFuture<Throwable> error = new CompletableFuture<>();
        stream.publisher().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(0);
            }

            @Override
            public void onNext(ChatChunk item) {
            }

            @Override
            public void onError(Throwable throwable) {
                error.complete(throwable);
            }

            @Override
            public void onComplete() {
            }
        });

        assertThat(error.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void providerRefusingTheRequest_failsBeforeTheStreamAndIsRecorded() {
        ChatClient llm = tollgate("tollgate.providers.sim.failure-rate", "1",
                "tollgate.providers.sim.failure-category", "RATE_LIMITED").chatClient();

        assertThatThrownBy(() -> llm.stream(hi()))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED));
        assertThat(sink.single().exchanges().get(0).error()).isPresent();
    }

    @SuppressWarnings("unused")
    static final class StreamingService {
        ChatStream answer() {
            return null;
        }
    }

    @Test
    void llmCallReturningAStream_isRecordedWhenTheStreamEnds() throws Exception {
        Tollgate tollgate = tollgate();
        CallPoint point = tollgate.callPoint("Streaming.answer",
                StreamingService.class.getDeclaredMethod("answer"), "sim", "");

        ChatStream stream = (ChatStream) tollgate.capture().invoke(point, () -> tollgate.chatClient().stream(hi()));

        assertThat(sink.records()).isEmpty();
        stream.forEach(c -> { });
        assertThat(sink.single().callName()).isEqualTo("Streaming.answer");
        assertThat(sink.single().exchanges()).hasSize(1);
        assertThat(sink.single().usage()).isEqualTo(Usage.of(10, 5));
    }
}
