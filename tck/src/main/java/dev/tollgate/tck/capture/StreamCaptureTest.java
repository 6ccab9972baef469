package dev.tollgate.tck.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.Usage;
import dev.tollgate.tck.Await;
import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Streams and typed answers through {@code @LlmCall} methods: recorded when the stream ends. */
@ExtendWith(ArquillianExtension.class)
public class StreamCaptureTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("stream-capture", TckConfig.standard()
                        .set("tollgate.providers.sim.reply", "Streamed answer to {prompt}"),
                StreamCaptureTest.class, StreamingService.class, Judgement.class);
    }

    @Inject
    StreamingService service;

    @Inject
    RecordCollector records;

    @Test
    public void streamReturnedByAnLlmCallMethod_isRecordedWhenItEnds() {
        records.clear();

        List<String> pieces = new ArrayList<>();
        try (ChatStream stream = service.answer("you")) {
            assertTrue(records.records().isEmpty(), "no record before the stream ends");
            stream.forEach(c -> pieces.add(c.text()));
        }

        assertEquals("Streamed answer to you", String.join("", pieces));
        LlmCallRecord record = records.single();
        assertEquals("stream.answer", record.callName());
        assertEquals(LlmCallRecord.Outcome.SUCCESS, record.outcome());
        Exchange exchange = record.exchanges().get(0);
        assertEquals("Streamed answer to you", exchange.responseText().orElseThrow());
        assertEquals(Usage.of(100, 50), exchange.usage());
        assertTrue(exchange.cost().isKnown());
    }

    @Test
    public void streamClosedEarly_isRecordedWithAPartialUsage() {
        records.clear();

        ChatStream stream = service.answer("you");
        Iterator<ChatChunk> chunks = stream.iterator();
        assertEquals("Streamed", chunks.next().text());
        stream.close();

        Exchange exchange = records.single().exchanges().get(0);
        assertEquals("Streamed", exchange.responseText().orElseThrow());
        assertFalse(exchange.usage().isKnown());
        assertFalse(exchange.cost().isKnown());
    }

    @Test
    public void publisherReturnedByAnLlmCallMethod_isRecordedWhenItCompletes() throws Exception {
        records.clear();
        CompletableFuture<String> text = new CompletableFuture<>();

        service.publish("a subscriber").subscribe(new Flow.Subscriber<>() {
            private final StringBuilder sb = new StringBuilder();

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ChatChunk item) {
                sb.append(item.text());
            }

            @Override
            public void onError(Throwable t) {
                text.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                text.complete(sb.toString());
            }
        });

        assertEquals("Streamed answer to a subscriber", text.get(10, TimeUnit.SECONDS));
        Await.until(() -> records.records().size() == 1, Duration.ofSeconds(10), () -> "records: " + records.records());
        assertEquals("stream.publish", records.single().callName());
    }

    @Test
    public void typedAnswer_isBoundAndRecorded() {
        records.clear();

        Judgement judgement = service.judge("Is this spam?");

        assertEquals(1, judgement.score());
        assertEquals(1, judgement.reasons().size());
        assertEquals("stream.judge", records.single().callName());
    }
}
