package dev.tollgate.impl.client;

import dev.tollgate.api.ChatChunk;
import dev.tollgate.impl.capture.DeferredOutcome;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a stream's chunks to one subscriber, reading from the provider only as far as the
 * subscriber has asked (Reactive Streams rules 1.1 to 3.17). Reads run on the executor, one at a
 * time, so signals are serial; cancelling closes the stream.
 */
final class ChunkPublisher implements Flow.Publisher<ChatChunk>, DeferredOutcome {
    private final DefaultChatStream stream;
    private final Executor executor;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    ChunkPublisher(DefaultChatStream stream, Executor executor) {
        this.stream = stream;
        this.executor = executor;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ChatChunk> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a ChatStream publisher takes one subscriber"));
            return;
        }
        subscriber.onSubscribe(new Pull(subscriber));
    }

    @Override
    public CompletionStage<?> outcome() {
        return stream.outcome();
    }

    private final class Pull implements Flow.Subscription, Runnable {
        private final Flow.Subscriber<? super ChatChunk> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger pending = new AtomicInteger();
        private volatile boolean done;
        private volatile Throwable invalidRequest;

        Pull(Flow.Subscriber<? super ChatChunk> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                invalidRequest = new IllegalArgumentException("request(" + n + "): demand must be positive (rule 3.9)");
            } else {
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            drain();
        }

        @Override
        public void cancel() {
            done = true;
            stream.close();
        }

        private void drain() {
            if (pending.getAndIncrement() == 0) {
                executor.execute(this);
            }
        }

        @Override
        public void run() {
            int missed = 1;
            do {
                emit();
                missed = pending.addAndGet(-missed);
            } while (missed != 0);
        }

        private void emit() {
            while (!done) {
                if (invalidRequest != null) {
                    done = true;
                    stream.close();
                    subscriber.onError(invalidRequest);
                    return;
                }
                if (demand.get() == 0) {
                    return;
                }
                String text;
                try {
                    text = stream.pull();
                } catch (RuntimeException e) {
                    if (!done) {
                        done = true;
                        subscriber.onError(e);
                    }
                    return;
                }
                if (done) {
                    return;
                }
                if (text == null) {
                    done = true;
                    subscriber.onComplete();
                    return;
                }
                demand.decrementAndGet();
                subscriber.onNext(ChatChunk.of(text));
            }
        }
    }
}
