package dev.tollgate.bench;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Heap and threads per open stream: opens many slow streams over loopback (a first delta at once,
 * the next 15 s later), waits for each one's first delta, so nothing unread is buffered, and reads
 * the JVM's used heap after a full GC and its live threads, against the same figures before the
 * streams were opened. Each contender is warmed up first. Prints one table row per count;
 * {@code bench/run.sh streams} runs one JVM per row, so that no other run's streams linger.
 */
final class OpenStreams {
    private static final String ROUTE = "/sse/2/15000/0";
    private static final long QUIET_AFTER_OPEN = 17_000_000_000L;

    /** One open stream. */
    private interface Open {
        void awaitFirst() throws Exception;

        void close() throws Exception;
    }

    /** Opens streams of one contender. */
    private interface Opener {
        Open open() throws Exception;
    }

    private OpenStreams() {
    }

    static void run(List<String> names, int[] counts) throws Exception {
        Upstream upstream = Upstream.named("loopback");
        for (String name : names) {
            Opener opener = opener(name, upstream);
            int idle = Jvm.threads();
            long warmed = System.nanoTime();
            openAndClose(opener, 20);
            settle(idle, warmed);
            for (int n : counts) {
                long heap0 = Jvm.heapAfterGc();
                int threads0 = Jvm.threads();
                List<Open> open = new ArrayList<>(n);
                long opened = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    open.add(opener.open());
                }
                for (Open o : open) {
                    o.awaitFirst();
                }
                long heap1 = Jvm.heapAfterGc();
                int threads1 = Jvm.threads();
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.3f | %d → %d |%n", name, n,
                        (heap1 - heap0) / (double) n, (threads1 - threads0) / (double) n, threads0, threads1);
                for (Open o : open) {
                    o.close();
                }
                open.clear();
                settle(threads0, opened);
            }
        }
        System.out.println();
    }

    /** Warms a contender up: its client's threads and classes are in place before a baseline is taken. */
    private static void openAndClose(Opener opener, int n) throws Exception {
        List<Open> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            open.add(opener.open());
        }
        for (Open o : open) {
            o.awaitFirst();
            o.close();
        }
    }

    /**
     * Waits until no more threads are alive than before the streams opened, or until the streams
     * opened at {@code opened} would have ended by themselves, as LangChain4j's cancelled ones do.
     */
    private static void settle(int threads, long opened) throws InterruptedException {
        do {
            Thread.sleep(500);
        } while (Jvm.threads() > threads && System.nanoTime() - opened < QUIET_AFTER_OPEN);
        Thread.sleep(1_000);
    }

    private static Opener opener(String name, Upstream upstream) {
        switch (name) {
            case Contenders.RAW: {
                HttpClient client = upstream.clientBuilder().build();
                URI url = URI.create(upstream.baseUrl(ROUTE) + "/chat/completions");
                return () -> {
                    HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url)
                            .timeout(Upstream.TIMEOUT).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(Canned.STREAM_REQUEST)).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                            StandardCharsets.UTF_8));
                    return new Open() {
                        @Override
                        public void awaitFirst() throws IOException {
                            String line;
                            do {
                                line = lines.readLine();
                            } while (line != null && !line.startsWith("data: "));
                        }

                        @Override
                        public void close() throws IOException {
                            lines.close();
                        }
                    };
                };
            }
            case Contenders.LANGCHAIN4J: {
                OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                        .httpClientBuilder(JdkHttpClient.builder().httpClientBuilder(upstream.clientBuilder())
                                .connectTimeout(Upstream.CONNECT_TIMEOUT).readTimeout(Upstream.TIMEOUT))
                        .baseUrl(upstream.baseUrl(ROUTE)).apiKey("none").modelName("gpt-4o-mini")
                        .logRequests(false).logResponses(false).build();
                return () -> {
                    CountDownLatch first = new CountDownLatch(1);
                    PartialResponseContext[] handle = new PartialResponseContext[1];
                    model.chat(List.of(UserMessage.from("Say hello")), new StreamingChatResponseHandler() {
                        @Override
                        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                            handle[0] = context;
                            first.countDown();
                        }

                        @Override
                        public void onCompleteResponse(ChatResponse response) {
                        }

                        @Override
                        public void onError(Throwable error) {
                        }
                    });
                    return new Open() {
                        @Override
                        public void awaitFirst() throws InterruptedException {
                            if (!first.await(30, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("no first delta from LangChain4j in 30 s");
                            }
                        }

                        @Override
                        public void close() {
                            handle[0].streamingHandle().cancel();
                        }
                    };
                };
            }
            case Contenders.TOLLGATE: {
                ChatClient llm = new TollgateSetup(upstream, ROUTE, null).tollgate().chatClient();
                return () -> {
                    ChatStream stream = llm.stream(ChatRequest.of("Say hello"));
                    Iterator<ChatChunk> chunks = stream.iterator();
                    return new Open() {
                        @Override
                        public void awaitFirst() {
                            chunks.next();
                        }

                        @Override
                        public void close() {
                            stream.close();
                        }
                    };
                };
            }
            default:
                throw new IllegalArgumentException("open streams are measured for RAW, LANGCHAIN4J and TOLLGATE: "
                        + name);
        }
    }
}
