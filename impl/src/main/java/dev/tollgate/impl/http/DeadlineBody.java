package dev.tollgate.impl.http;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;

/**
 * Reads a whole body under the deadline of its exchange. The client's request timeout ends when
 * the headers arrive; from then on this deadline cancels a body that has not ended in time, and
 * the exchange fails with an {@link HttpTimeoutException}.
 */
final class DeadlineBody implements HttpResponse.BodyHandler<byte[]> {
    private final long deadlineNanos;

    /** @param deadlineNanos when the exchange must have ended, on the {@link System#nanoTime()} clock */
    DeadlineBody(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        return new Subscriber(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ScheduledFuture<?> deadline;
        private volatile Flow.Subscription subscription;

        Subscriber(long remainingNanos) {
            deadline = Deadlines.after(Duration.ofNanos(remainingNanos), this::expire);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (body.isDone()) {
                s.cancel();
            } else {
                bytes.onSubscribe(s);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            bytes.onNext(item);
        }

        @Override
        public void onError(Throwable failure) {
            deadline.cancel(false);
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            deadline.cancel(false);
            bytes.onComplete();
            bytes.getBody().whenComplete((b, failure) -> {
                if (failure == null) {
                    body.complete(b);
                } else {
                    body.completeExceptionally(failure);
                }
            });
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        private void expire() {
            if (body.completeExceptionally(new HttpTimeoutException("the body did not end within the deadline"))) {
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
            }
        }
    }
}
