package dev.tollgate.impl.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.spi.RecordStore;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.LlmCallContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class BrokenObserversTest {

    /** The method a container would intercept; only its metadata is used. */
    @SuppressWarnings("unused")
    static final class Service {
        String answer() {
            return "";
        }
    }

    /** Throws from every hook, counting each throw. */
    static final class ThrowingObserver implements CallObserver {
        final AtomicInteger thrown = new AtomicInteger();
        private final boolean atStart;

        ThrowingObserver(boolean atStart) {
            this.atStart = atStart;
        }

        private RuntimeException fail() {
            thrown.incrementAndGet();
            return new IllegalStateException("exporter down");
        }

        @Override
        public CallObservation callStarted(LlmCallContext context) {
            if (atStart) {
                throw fail();
            }
            return new CallObservation() {
                @Override
                public void left() {
                    throw fail();
                }

                @Override
                public void ended(LlmCallRecord record) {
                    throw fail();
                }
            };
        }

        @Override
        public RequestObservation requestStarted(RequestStart start) {
            if (atStart) {
                throw fail();
            }
            return new RequestObservation() {
                @Override
                public void headers(BiConsumer<String, String> header) {
                    throw fail();
                }

                @Override
                public void ended(Exchange exchange) {
                    throw fail();
                }
            };
        }
    }

    /** Notes what it is told. */
    static final class NotingObserver implements CallObserver {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public CallObservation callStarted(LlmCallContext context) {
            events.add("call started");
            return new CallObservation() {
                @Override
                public void ended(LlmCallRecord record) {
                    events.add("call ended");
                }
            };
        }

        @Override
        public RequestObservation requestStarted(RequestStart start) {
            events.add("request started");
            return new RequestObservation() {
                @Override
                public void ended(Exchange exchange) {
                    events.add("request ended");
                }
            };
        }
    }

    @Test
    void observersAndStoresThatThrow_costTheBusinessCallNothing_andEachFailureIsCounted() throws Exception {
        ThrowingObserver atStart = new ThrowingObserver(true);
        ThrowingObserver later = new ThrowingObserver(false);
        NotingObserver noting = new NotingObserver();
        AtomicInteger storeCalls = new AtomicInteger();
        RecordStore brokenStore = batch -> {
            storeCalls.incrementAndGet();
            throw new java.sql.SQLException("database down");
        };
        TestRecordSink sink = new TestRecordSink();
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                        "tollgate.provider", "sim",
                        "tollgate.providers.sim.type", "simulated",
                        "tollgate.store.retry-delay", "PT1H",
                        "tollgate.store.shutdown-timeout", "PT0.2S"))
                .recordSink(sink)
                .observers(List.of(atStart, later, noting))
                .recordStores(List.of(brokenStore))
                .build();

        Object answer = tollgate.capture().invoke(
                tollgate.callPoint("answer", Service.class.getDeclaredMethod("answer"), "", ""),
                () -> tollgate.chatClient().chat("hello"));

        assertThat(answer).isEqualTo("Simulated answer to: hello");
        assertThat(sink.single().exchanges()).hasSize(1);
        assertThat(tollgate.ledger().snapshot().total().requests()).isEqualTo(1);
        assertThat(noting.events).containsExactly("call started", "request started", "request ended", "call ended");
        assertThat(atStart.thrown.get()).isEqualTo(2);
        assertThat(later.thrown.get()).isGreaterThanOrEqualTo(3);
        assertThat(tollgate.captureFailures().count()).isEqualTo(atStart.thrown.get() + later.thrown.get());
        tollgate.close();
        assertThat(tollgate.ledger().persistence().dropped()).isEqualTo(1);
        assertThat(tollgate.ledger().persistence().failures()).isEqualTo(storeCalls.get());
    }
}
