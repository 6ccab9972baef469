package dev.tollgate.bench;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A {@link HttpClient} without a network: it drains each request's body and feeds the canned
 * answer its path asks for, routed as by the mock server, through the caller's own
 * {@link HttpResponse.BodyHandler}, so every contender's body handling runs as on a socket. A
 * stream's events arrive one per {@code onNext}, as paced events would; {@code /sse/} intervals
 * are ignored. Everything runs on the calling thread.
 */
public final class StubHttpClient extends HttpClient {
    /** The one stand-in; it keeps no state per request. */
    public static final StubHttpClient INSTANCE = new StubHttpClient();

    private static final HttpHeaders JSON = headers("application/json");
    private static final HttpHeaders EVENTS = headers("text/event-stream");
    private static final Map<Integer, List<byte[]>> STREAMS = new ConcurrentHashMap<>();

    private StubHttpClient() {
    }

    /** @return a builder whose {@code build()} is the stand-in, for clients that take a builder */
    public static HttpClient.Builder builder() {
        return new StubBuilder();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        request.bodyPublisher().ifPresent(body -> body.subscribe(new Draining()));
        String path = request.uri().getPath();
        List<byte[]> parts;
        HttpHeaders headers;
        if (path.startsWith("/small/")) {
            parts = List.of(Canned.SMALL);
            headers = JSON;
        } else if (path.startsWith("/large/")) {
            parts = List.of(Canned.LARGE);
            headers = JSON;
        } else if (path.startsWith("/sse/")) {
            int count = Integer.parseInt(path.split("/")[2]);
            parts = STREAMS.computeIfAbsent(count, Canned::events);
            headers = EVENTS;
        } else {
            return CompletableFuture.failedFuture(new IOException("no canned answer for " + path));
        }
        Info info = new Info(headers);
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        subscriber.onSubscribe(new Feed(subscriber, parts));
        return subscriber.getBody().toCompletableFuture()
                .thenApply(body -> new Response<>(request, headers, body));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
        return sendAsync(request, handler);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        try {
            return sendAsync(request, handler).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return null;
    }

    @Override
    public SSLParameters sslParameters() {
        return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }

    private static HttpHeaders headers(String contentType) {
        return HttpHeaders.of(Map.of("content-type", List.of(contentType), "x-request-id", List.of("req-bench")),
                (name, value) -> true);
    }

    /** Takes a request body as a socket would, and drops it. */
    private static final class Draining implements Flow.Subscriber<ByteBuffer> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer item) {
            item.position(item.limit());
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    /** Hands the parts of an answer to a body subscriber as it asks for them. */
    private static final class Feed implements Flow.Subscription {
        private final Flow.Subscriber<? super List<ByteBuffer>> subscriber;
        private final List<byte[]> parts;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger draining = new AtomicInteger();
        private int next;
        private volatile boolean cancelled;
        private boolean completed;

        Feed(Flow.Subscriber<? super List<ByteBuffer>> subscriber, List<byte[]> parts) {
            this.subscriber = subscriber;
            this.parts = parts;
        }

        @Override
        public void request(long n) {
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            if (draining.getAndIncrement() != 0) {
                return;
            }
            do {
                while (!cancelled && next < parts.size() && demand.get() > 0) {
                    demand.decrementAndGet();
                    subscriber.onNext(List.of(ByteBuffer.wrap(parts.get(next++))));
                }
                if (!cancelled && !completed && next == parts.size()) {
                    completed = true;
                    subscriber.onComplete();
                }
            } while (draining.decrementAndGet() != 0);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private record Info(HttpHeaders headers) implements HttpResponse.ResponseInfo {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    private record Response<T>(HttpRequest request, HttpHeaders headers, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    /** A builder that ignores its settings and builds the stand-in. */
    private static final class StubBuilder implements HttpClient.Builder {
        @Override
        public Builder cookieHandler(CookieHandler cookieHandler) {
            return this;
        }

        @Override
        public Builder connectTimeout(Duration duration) {
            return this;
        }

        @Override
        public Builder sslContext(SSLContext sslContext) {
            return this;
        }

        @Override
        public Builder sslParameters(SSLParameters sslParameters) {
            return this;
        }

        @Override
        public Builder executor(Executor executor) {
            return this;
        }

        @Override
        public Builder followRedirects(Redirect policy) {
            return this;
        }

        @Override
        public Builder version(Version version) {
            return this;
        }

        @Override
        public Builder priority(int priority) {
            return this;
        }

        @Override
        public Builder proxy(ProxySelector proxySelector) {
            return this;
        }

        @Override
        public Builder authenticator(Authenticator authenticator) {
            return this;
        }

        @Override
        public HttpClient build() {
            return INSTANCE;
        }
    }
}
