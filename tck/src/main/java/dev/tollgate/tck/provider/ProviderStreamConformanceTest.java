package dev.tollgate.tck.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Usage;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Streams every {@link ProviderKit} through the same scenarios; see the TCK's README, "Streams,
 * structured output and tools".
 */
@ExtendWith(ArquillianExtension.class)
public class ProviderStreamConformanceTest {

    @Deployment
    public static WebArchive deployment() {
        return KitChecks.deployment("provider-stream-conformance", ProviderStreamConformanceTest.class);
    }

    @Inject
    ChatClient llm;

    private static ChatRequest request(String provider, String model) {
        return ChatRequest.builder().provider(provider).model(model).user("Hi").build();
    }

    private static ChatResponse response(ChatStream stream) {
        try {
            return stream.response().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the stream's response did not complete", e);
        }
    }

    @Test
    public void stream_deliversTheAnswerInPiecesWithTheProvidersUsage() {
        KitChecks.eachKit("tck-stream", kit -> {
            List<String> pieces = new ArrayList<>();
            ChatResponse response;
            try (ChatStream stream = llm.stream(request(kit.name(), "tck-stream"))) {
                stream.forEach(c -> pieces.add(c.text()));
                response = response(stream);
            }

            assertTrue(pieces.size() >= 2, () -> "chunks: " + pieces);
            assertEquals("Hello from the stream.", String.join("", pieces));
            assertEquals("Hello from the stream.", response.text());
            assertEquals(FinishReason.STOP, response.finishReason());
            assertEquals(Usage.of(12, 5), response.usage());
            KitChecks.assertCost(KitChecks.PLAIN_COST, response.cost());
        });
    }

    @Test
    public void publisher_deliversOneChunkPerRequest() {
        KitChecks.eachKit("tck-stream", kit -> {
            ChatStream stream = llm.stream(request(kit.name(), "tck-stream"));
            List<String> pieces = new ArrayList<>();
            CompletableFuture<Void> done = new CompletableFuture<>();
            stream.publisher().subscribe(new Flow.Subscriber<>() {
                private Flow.Subscription subscription;

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(1);
                }

                @Override
                public void onNext(ChatChunk item) {
                    pieces.add(item.text());
                    subscription.request(1);
                }

                @Override
                public void onError(Throwable t) {
                    done.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    done.complete(null);
                }
            });

            try {
                done.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new AssertionError("the publisher did not complete", e);
            }
            assertEquals("Hello from the stream.", String.join("", pieces));
            assertEquals(Usage.of(12, 5), response(stream).usage());
        });
    }

    @Test
    public void streamClosedEarly_completesWithWhatWasReadAndAPartialUsage() {
        KitChecks.eachKit("tck-stream-close", kit -> {
            ChatStream stream = llm.stream(request(kit.name(), "tck-stream-close"));
            Iterator<ChatChunk> chunks = stream.iterator();
            String first = chunks.next().text();
            stream.close();

            ChatResponse response = response(stream);
            assertEquals(first, response.text());
            assertFalse(response.usage().isKnown(), () -> "usage " + response.usage());
            kit.expected("tck-stream-close.input").ifPresent(n ->
                    assertEquals(Long.parseLong(n), response.usage().inputTokens(), "input tokens reported at the start"));
        });
    }

    @Test
    public void streamEndingBeforeItsEnd_failsAfterWhatItDelivered() {
        deliversThenFails("tck-stream-truncated", ErrorCategory.INVALID_RESPONSE);
    }

    @Test
    public void malformedEvent_failsAfterWhatWasDelivered() {
        deliversThenFails("tck-stream-malformed", ErrorCategory.INVALID_RESPONSE);
    }

    private void deliversThenFails(String scenario, ErrorCategory category) {
        KitChecks.eachKit(scenario, kit -> {
            try (ChatStream stream = llm.stream(request(kit.name(), scenario))) {
                Iterator<ChatChunk> chunks = stream.iterator();
                assertTrue(chunks.hasNext(), "the first chunk is delivered");
                assertFalse(chunks.next().text().isEmpty());
                LlmException failure = assertThrows(LlmException.class, () -> {
                    while (chunks.hasNext()) {
                        chunks.next();
                    }
                }, scenario + " must fail");
                assertEquals(category, KitChecks.checked(kit, kit.name(), scenario, failure).category());
                assertThrows(ExecutionException.class, () -> stream.response().toCompletableFuture().get(10, TimeUnit.SECONDS));
            }
        });
    }

    @Test
    public void connectionBrokenMidStream_isANetworkFailure() {
        streamFails("tck-stream-reset", false, ErrorCategory.NETWORK);
    }

    @Test
    public void streamOutlastingTheTimeout_isATimeout() {
        streamFails("tck-stream-timeout", true, ErrorCategory.TIMEOUT);
    }

    private void streamFails(String scenario, boolean shortTimeout, ErrorCategory category) {
        KitChecks.eachKit(scenario, kit -> {
            String provider = shortTimeout ? kit.shortName() : kit.name();
            LlmException failure = assertThrows(LlmException.class, () -> {
                try (ChatStream stream = llm.stream(request(provider, scenario))) {
                    stream.forEach(c -> { });
                }
            }, scenario + " must fail");
            assertEquals(category, KitChecks.checked(kit, provider, scenario, failure).category());
        });
    }
}
