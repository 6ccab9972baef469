package dev.tollgate.impl.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmCallRecord.Outcome;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Target;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.PromptRedactor;
import dev.tollgate.api.spi.UsageExtractor;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestExecutor;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CallCaptureTest {
    private static final Instant NOW = Instant.parse("2025-06-01T09:30:00Z");

    /** The methods a container would intercept; only their metadata is used. */
    @SuppressWarnings("unused")
    static final class TestService {
        String summarize(String text) {
            return text;
        }

        String classify(String text) {
            return text;
        }

        CompletableFuture<String> summarizeLater(String text) {
            return CompletableFuture.completedFuture(text);
        }

        CompletionStage<String> summarizeStage(String text) {
            return CompletableFuture.completedFuture(text);
        }

        Object callForeignClient() {
            return null;
        }
    }

    /** The result type of a foreign LLM client, as an application would get it from one. */
    record ForeignCompletion(String model, long promptTokens, long completionTokens, String content) {
    }

    private final TestRecordSink sink = new TestRecordSink();
    private final TestExecutor executor = new TestExecutor();

    private static TestConfig config() {
        // each simulated request: 100 input tokens x 1 + 20 output tokens x 2 per million = 0.00014 USD
        return TestConfig.properties()
                .set("tollgate.provider", "sim")
                .set("tollgate.providers.sim.type", "simulated")
                .set("tollgate.providers.sim.input-tokens", "100")
                .set("tollgate.providers.sim.output-tokens", "20")
                .set("tollgate.providers.broken.type", "simulated")
                .set("tollgate.providers.broken.failure-rate", "1")
                .set("tollgate.providers.broken.failure-category", "rate-limited")
                .set("tollgate.pricing.sim.simulated-1.input", "1")
                .set("tollgate.pricing.sim.simulated-1.output", "2")
                .set("tollgate.pricing.openai.gpt-4o-mini.input", "0.15")
                .set("tollgate.pricing.openai.gpt-4o-mini.output", "0.6");
    }

    private Tollgate.Builder engine(TestConfig config) {
        return Tollgate.builder(config.build())
                .recordSink(sink)
                .executor(executor)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Tollgate tollgate() {
        return engine(config()).build();
    }

    private static Method method(String name) {
        for (Method m : TestService.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static CallPoint point(Tollgate tollgate, String method) {
        return tollgate.callPoint("TestService." + method, method(method), "", "");
    }

    @Test
    void invocation_publishesOneRecordWithEveryExchangeAndTotals() throws Exception {
        Tollgate tollgate = tollgate();
        ChatClient llm = tollgate.chatClient();

        Object result = tollgate.capture().invoke(point(tollgate, "summarize"), () -> {
            String first = llm.chat("first part");
            String second = llm.chat(ChatRequest.builder().system("Be brief.").user("second part").build()).text();
            return first + " | " + second;
        });

        assertThat(result).isEqualTo("Simulated answer to: first part | Simulated answer to: second part");
        LlmCallRecord record = sink.single();
        assertThat(record.callName()).isEqualTo("TestService.summarize");
        assertThat(record.method()).contains(method("summarize"));
        assertThat(record.parentId()).isEmpty();
        assertThat(record.id()).isNotBlank();
        assertThat(record.startedAt()).isEqualTo(NOW);
        assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(record.failure()).isEmpty();
        assertThat(record.exchanges()).hasSize(2).allSatisfy(e -> {
            assertThat(e.target()).isEqualTo(new Target("sim", "simulated-1"));
            assertThat(e.succeeded()).isTrue();
            assertThat(e.finishReason()).contains(FinishReason.STOP);
            assertThat(e.usage()).isEqualTo(Usage.of(100, 20));
            assertThat(e.cost().total()).isEqualByComparingTo("0.00014");
            assertThat(e.startedAt()).isEqualTo(NOW);
        });
        assertThat(record.exchanges().get(1).requestMessages())
                .containsExactly(Message.system("Be brief."), Message.user("second part"));
        assertThat(record.exchanges().get(1).responseText()).contains("Simulated answer to: second part");
        assertThat(record.usage()).isEqualTo(Usage.of(200, 40));
        assertThat(record.cost().total()).isEqualByComparingTo("0.00028");
        assertThat(record.cost().isKnown()).isTrue();
        assertThat(record.cost().currency()).isEqualTo("USD");
    }

    @Test
    void invocationWithoutProviderCalls_publishesAnEmptyKnownRecord() throws Exception {
        Tollgate tollgate = tollgate();

        tollgate.capture().invoke(point(tollgate, "summarize"), () -> "cached answer");

        LlmCallRecord record = sink.single();
        assertThat(record.exchanges()).isEmpty();
        assertThat(record.usage()).isEqualTo(Usage.zero());
        assertThat(record.cost().isKnown()).isTrue();
        assertThat(record.cost().total()).isEqualByComparingTo("0");
    }

    @Test
    void nestedInvocations_publishTwoLinkedRecords_countingEachExchangeOnce() throws Exception {
        Tollgate tollgate = tollgate();
        ChatClient llm = tollgate.chatClient();

        tollgate.capture().invoke(point(tollgate, "summarize"), () -> {
            llm.chat("outer before");
            tollgate.capture().invoke(point(tollgate, "classify"), () -> llm.chat("inner"));
            return llm.chat("outer after");
        });

        List<LlmCallRecord> records = sink.records();
        assertThat(records).extracting(LlmCallRecord::callName)
                .containsExactly("TestService.classify", "TestService.summarize");
        LlmCallRecord inner = records.get(0);
        LlmCallRecord outer = records.get(1);
        assertThat(inner.parentId()).contains(outer.id());
        assertThat(outer.parentId()).isEmpty();
        assertThat(inner.id()).isNotEqualTo(outer.id());
        assertThat(inner.exchanges()).extracting(e -> e.requestMessages().get(0).content())
                .containsExactly("inner");
        assertThat(outer.exchanges()).extracting(e -> e.requestMessages().get(0).content())
                .containsExactly("outer before", "outer after");
        assertThat(inner.usage().plus(outer.usage())).isEqualTo(Usage.of(300, 60));
    }

    @Test
    void failingProviderCall_isAnErrorExchange_andAFailureRecordWithItsCategory() {
        Tollgate tollgate = tollgate();
        ChatClient llm = tollgate.chatClient();

        Throwable thrown = catchThrowable(() -> tollgate.capture().invoke(point(tollgate, "summarize"),
                () -> llm.chat(ChatRequest.builder().user("hi").provider("broken").build())));

        assertThat(thrown).isInstanceOf(TransientLlmException.class);
        LlmCallRecord record = sink.single();
        assertThat(record.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(record.failure()).containsSame(thrown);
        assertThat(record.failureCategory()).contains(ErrorCategory.RATE_LIMITED);
        Exchange exchange = record.exchanges().get(0);
        assertThat(exchange.succeeded()).isFalse();
        assertThat(exchange.error()).containsSame((LlmException) thrown);
        assertThat(exchange.target()).isEqualTo(new Target("broken", "simulated-1"));
        assertThat(exchange.requestMessages()).containsExactly(Message.user("hi"));
        assertThat(exchange.responseText()).isEmpty();
        assertThat(exchange.requestId()).contains("sim-req-1");
        assertThat(exchange.usage()).as("a refused request uses no tokens").isEqualTo(Usage.zero());
    }

    @Test
    void failureHandledByTheMethod_isASuccessRecordHoldingBothAttempts() throws Exception {
        Tollgate tollgate = tollgate();
        ChatClient llm = tollgate.chatClient();

        Object result = tollgate.capture().invoke(point(tollgate, "summarize"), () -> {
            try {
                return llm.chat(ChatRequest.builder().user("hi").provider("broken").build()).text();
            } catch (TransientLlmException e) {
                return llm.chat(ChatRequest.builder().user("hi").provider("sim").build()).text();
            }
        });

        assertThat(result).isEqualTo("Simulated answer to: hi");
        LlmCallRecord record = sink.single();
        assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(record.exchanges()).extracting(Exchange::succeeded).containsExactly(false, true);
        assertThat(record.exchanges()).extracting(e -> e.target().provider()).containsExactly("broken", "sim");
        assertThat(record.usage().isKnown()).as("the refused attempt used no tokens").isTrue();
        assertThat(record.usage().inputTokens()).isEqualTo(100);
        assertThat(record.cost().isKnown()).isTrue();
        assertThat(record.cost().total()).isEqualByComparingTo("0.00014");
    }

    @Test
    void methodThrowingANonLlmException_stillPublishesItsRecord() {
        Tollgate tollgate = tollgate();
        ChatClient llm = tollgate.chatClient();
        IllegalStateException bug = new IllegalStateException("no parser for the answer");

        assertThatThrownBy(() -> tollgate.capture().invoke(point(tollgate, "summarize"), () -> {
            llm.chat("hi");
            throw bug;
        })).isSameAs(bug);

        LlmCallRecord record = sink.single();
        assertThat(record.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(record.failure()).containsSame(bug);
        assertThat(record.failureCategory()).isEmpty();
        assertThat(record.exchanges()).hasSize(1);
        assertThat(record.usage()).isEqualTo(Usage.of(100, 20));
    }

    @Test
    void checkedException_passesThroughUnchanged() {
        Tollgate tollgate = tollgate();
        IOException io = new IOException("disk full");

        assertThatThrownBy(() -> tollgate.capture().invoke(point(tollgate, "summarize"), () -> {
            throw io;
        })).isSameAs(io);

        assertThat(sink.single().failure()).containsSame(io);
    }

    @Test
    void invocationEnded_leavesNoContextOnTheThread() throws Exception {
        Tollgate tollgate = tollgate();

        tollgate.capture().invoke(point(tollgate, "summarize"), () -> "done");
        catchThrowable(() -> tollgate.capture().invoke(point(tollgate, "summarize"), () -> {
            throw new IllegalStateException();
        }));

        assertThat(tollgate.contexts().current()).isNull();
    }

    @Test
    void chatOutsideAnyInvocation_publishesAStandaloneRecord() {
        Tollgate tollgate = tollgate();

        ChatResponse response = tollgate.chatClient().chat(ChatRequest.of("hi"));

        LlmCallRecord record = sink.single();
        assertThat(record.callName()).isEqualTo(LlmCallRecord.STANDALONE);
        assertThat(record.method()).isEmpty();
        assertThat(record.parentId()).isEmpty();
        assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(record.exchanges()).singleElement()
                .satisfies(e -> assertThat(e.responseId()).isEqualTo(response.responseId()));
        assertThat(record.cost()).isEqualTo(response.cost());
    }

    @Test
    void failedChatOutsideAnyInvocation_publishesAFailedStandaloneRecord() {
        Tollgate tollgate = tollgate();

        catchThrowable(() -> tollgate.chatClient().chat(ChatRequest.builder().user("hi").provider("broken").build()));

        LlmCallRecord record = sink.single();
        assertThat(record.callName()).isEqualTo(LlmCallRecord.STANDALONE);
        assertThat(record.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(record.failureCategory()).contains(ErrorCategory.RATE_LIMITED);
    }

    @Test
    void methodReturningAFuture_isRecordedWhenTheFutureCompletes() throws Exception {
        Tollgate tollgate = tollgate();
        CompletableFuture<String> pending = new CompletableFuture<>();

        Object returned = tollgate.capture().invoke(point(tollgate, "summarizeLater"), () -> {
            tollgate.chatClient().chat("hi");
            return pending;
        });

        assertThat(returned).isInstanceOf(CompletableFuture.class);
        assertThat(sink.records()).as("nothing is published before the future completes").isEmpty();
        assertThat(tollgate.contexts().current()).isNull();

        pending.complete("done");

        assertThat(((CompletableFuture<?>) returned).join()).isEqualTo("done");
        LlmCallRecord record = sink.single();
        assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(record.exchanges()).hasSize(1);
    }

    @Test
    void chatAsyncInsideAFutureMethod_isCapturedIntoItsRecord() throws Exception {
        Tollgate tollgate = tollgate();

        Object returned = tollgate.capture().invoke(point(tollgate, "summarizeLater"),
                () -> tollgate.chatClient().chatAsync(ChatRequest.of("async hi"))
                        .thenApply(ChatResponse::text)
                        .toCompletableFuture());

        assertThat(sink.records()).isEmpty();
        executor.runAll();

        assertThat(((CompletableFuture<?>) returned).join()).isEqualTo("Simulated answer to: async hi");
        LlmCallRecord record = sink.single();
        assertThat(record.callName()).isEqualTo("TestService.summarizeLater");
        assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(record.exchanges()).singleElement()
                .satisfies(e -> assertThat(e.requestMessages()).containsExactly(Message.user("async hi")));
        assertThat(record.cost().total()).isEqualByComparingTo("0.00014");
    }

    @Test
    void stageMethodCompletingExceptionally_isAFailureRecordWithTheLlmCategory() throws Exception {
        Tollgate tollgate = tollgate();

        Object returned = tollgate.capture().invoke(point(tollgate, "summarizeStage"),
                () -> tollgate.chatClient()
                        .chatAsync(ChatRequest.builder().user("hi").provider("broken").build())
                        .thenApply(ChatResponse::text));
        executor.runAll();

        assertThat(returned).isInstanceOf(CompletionStage.class);
        Throwable thrown = catchThrowable(() -> ((CompletionStage<?>) returned).toCompletableFuture().join());
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(TransientLlmException.class);
        LlmCallRecord record = sink.single();
        assertThat(record.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(record.failure()).containsSame(thrown.getCause());
        assertThat(record.failureCategory()).contains(ErrorCategory.RATE_LIMITED);
        assertThat(record.exchanges()).singleElement().satisfies(e -> assertThat(e.succeeded()).isFalse());
    }

    @Test
    void asyncRequestCompletingAfterItsMethodEnded_isPublishedInALinkedRecordOfItsOwn() throws Exception {
        Tollgate tollgate = tollgate();

        tollgate.capture().invoke(point(tollgate, "summarize"), () -> {
            tollgate.chatClient().chatAsync(ChatRequest.of("fire and forget"));
            return "returned at once";
        });
        LlmCallRecord methodRecord = sink.single();
        assertThat(methodRecord.exchanges()).isEmpty();

        executor.runAll();

        List<LlmCallRecord> records = sink.records();
        assertThat(records).hasSize(2);
        LlmCallRecord late = records.get(1);
        assertThat(late.callName()).isEqualTo("TestService.summarize");
        assertThat(late.parentId()).contains(methodRecord.id());
        assertThat(late.id()).isNotEqualTo(methodRecord.id());
        assertThat(late.exchanges()).singleElement()
                .satisfies(e -> assertThat(e.requestMessages()).containsExactly(Message.user("fire and forget")));
    }

    @Test
    void chatAsyncOutsideAnyInvocation_publishesAStandaloneRecord() {
        Tollgate tollgate = tollgate();

        CompletableFuture<ChatResponse> future = tollgate.chatClient().chatAsync(ChatRequest.of("hi"))
                .toCompletableFuture();
        executor.runAll();

        assertThat(future.join().text()).isEqualTo("Simulated answer to: hi");
        assertThat(sink.single().callName()).isEqualTo(LlmCallRecord.STANDALONE);
    }

    @Test
    void promptCaptureOff_keepsNoMessagesNorText_butUsageAndCost() throws Exception {
        Tollgate tollgate = engine(config().set("tollgate.capture.prompts", "false")).build();

        tollgate.capture().invoke(point(tollgate, "summarize"), () -> tollgate.chatClient().chat("secret plans"));
        tollgate.chatClient().chat("more secret plans");

        assertThat(sink.records()).hasSize(2).allSatisfy(record -> {
            Exchange e = record.exchanges().get(0);
            assertThat(e.requestMessages()).isEmpty();
            assertThat(e.responseText()).isEmpty();
            assertThat(e.usage()).isEqualTo(Usage.of(100, 20));
            assertThat(e.cost().isKnown()).isTrue();
        });
    }

    @Test
    void promptCaptureOff_keepsNoMessagesOfFailedRequests() {
        Tollgate tollgate = engine(config().set("tollgate.capture.prompts", "false")).build();

        catchThrowable(() -> tollgate.chatClient().chat(ChatRequest.builder().user("secret").provider("broken").build()));

        assertThat(sink.single().exchanges().get(0).requestMessages()).isEmpty();
    }

    @Test
    void redactors_rewriteCapturedTextInOrder_butNeverWhatIsSentOrReturned() throws Exception {
        PromptRedactor emails = text -> text.replaceAll("[\\w.]+@[\\w.]+", "<email>");
        PromptRedactor shout = String::toUpperCase;
        Tollgate tollgate = engine(config().set("tollgate.redaction.builtin", "none")).redactors(List.of(emails, shout))
                .build();

        Object result = tollgate.capture().invoke(point(tollgate, "summarize"),
                () -> tollgate.chatClient().chat(ChatRequest.builder()
                        .system("reply to alice@example.com")
                        .user("bob@example.org wrote")
                        .build()).text());

        assertThat(result).isEqualTo("Simulated answer to: bob@example.org wrote");
        Exchange exchange = sink.single().exchanges().get(0);
        assertThat(exchange.requestMessages())
                .containsExactly(Message.system("REPLY TO <EMAIL>"), Message.user("<EMAIL> WROTE"));
        assertThat(exchange.responseText()).contains("SIMULATED ANSWER TO: <EMAIL> WROTE");
    }

    @Test
    void throwingRedactor_keepsRedactionFailedInsteadOfTheText() throws Exception {
        PromptRedactor broken = text -> {
            throw new IllegalStateException("pattern not compiled");
        };
        Tollgate tollgate = engine(config()).redactors(List.of(broken)).build();

        Object result = tollgate.capture().invoke(point(tollgate, "summarize"),
                () -> tollgate.chatClient().chat("my card is 4111 1111 1111 1111"));

        assertThat(result).isEqualTo("Simulated answer to: my card is 4111 1111 1111 1111");
        Exchange exchange = sink.single().exchanges().get(0);
        assertThat(exchange.requestMessages()).containsExactly(Message.user(PromptCapture.REDACTION_FAILED));
        assertThat(exchange.responseText()).contains(PromptCapture.REDACTION_FAILED);
        assertThat(exchange.usage()).isEqualTo(Usage.of(100, 20));
        assertThat(tollgate.captureFailures().count()).isEqualTo(2);
    }

    @Test
    void throwingRecordSink_breaksNeitherTheMethodNorTheClient() throws Exception {
        Tollgate tollgate = Tollgate.builder(config().build())
                .recordSink(record -> {
                    throw new IllegalStateException("observer failed");
                })
                .build();

        Object result = tollgate.capture().invoke(point(tollgate, "summarize"), () -> tollgate.chatClient().chat("a"));
        ChatResponse standalone = tollgate.chatClient().chat(ChatRequest.of("b"));

        assertThat(result).isEqualTo("Simulated answer to: a");
        assertThat(standalone.text()).isEqualTo("Simulated answer to: b");
        assertThat(tollgate.captureFailures().count()).isEqualTo(2);
    }

    @Test
    void throwingRecordSink_doesNotReplaceTheMethodsOwnFailure() {
        Tollgate tollgate = Tollgate.builder(config().build())
                .recordSink(record -> {
                    throw new IllegalStateException("observer failed");
                })
                .build();
        IllegalArgumentException own = new IllegalArgumentException("bad input");

        assertThatThrownBy(() -> tollgate.capture().invoke(point(tollgate, "summarize"), () -> {
            throw own;
        })).isSameAs(own);
    }

    @Test
    void usageExtractorResult_becomesAPricedExchange() throws Exception {
        UsageExtractor foreign = result -> result instanceof ForeignCompletion c
                ? Optional.of(ChatResponse.builder()
                        .provider("openai")
                        .model(c.model())
                        .text(c.content())
                        .usage(Usage.of(c.promptTokens(), c.completionTokens()))
                        .build())
                : Optional.empty();
        UsageExtractor failing = result -> {
            throw new UnsupportedOperationException("not this one");
        };
        Tollgate tollgate = engine(config()).usageExtractors(List.of(failing, foreign)).build();

        Object result = tollgate.capture().invoke(point(tollgate, "callForeignClient"),
                () -> new ForeignCompletion("gpt-4o-mini", 2_000, 500, "Positive"));

        assertThat(result).isInstanceOf(ForeignCompletion.class);
        LlmCallRecord record = sink.single();
        assertThat(record.exchanges()).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo(new Target("openai", "gpt-4o-mini"));
            assertThat(e.responseModel()).contains("gpt-4o-mini");
            assertThat(e.usage()).isEqualTo(Usage.of(2_000, 500));
            // 2000 x 0.15 + 500 x 0.6 = 300 + 300 per million
            assertThat(e.cost().total()).isEqualByComparingTo("0.0006");
            assertThat(e.responseText()).contains("Positive");
        });
        assertThat(record.cost().total()).isEqualByComparingTo("0.0006");
    }

    @Test
    void usageExtractorAnswerBreakingItsContract_isSkipped_andTheRecordStillPublished() throws Exception {
        UsageExtractor noProvider = result -> Optional.of(ChatResponse.builder()
                .model("gpt-4o-mini")
                .usage(Usage.of(10, 1))
                .build());
        Tollgate tollgate = engine(config()).usageExtractors(List.of(noProvider)).build();

        Object result = tollgate.capture().invoke(point(tollgate, "callForeignClient"), () -> {
            tollgate.chatClient().chat("hi");
            return new ForeignCompletion("gpt-4o-mini", 10, 1, "ok");
        });

        assertThat(result).isInstanceOf(ForeignCompletion.class);
        LlmCallRecord record = sink.single();
        assertThat(record.exchanges()).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo(new Target("sim", "simulated-1")));
        assertThat(tollgate.captureFailures().count()).isEqualTo(1);
    }

    @Test
    void usageExtractor_isNotAskedAboutChatResponsesNorFailures() throws Exception {
        List<Object> asked = new CopyOnWriteArrayList<>();
        UsageExtractor spy = result -> {
            asked.add(result);
            return Optional.empty();
        };
        Tollgate tollgate = engine(config()).usageExtractors(List.of(spy)).build();

        tollgate.capture().invoke(point(tollgate, "summarize"), () -> tollgate.chatClient().chat(ChatRequest.of("x")));
        catchThrowable(() -> tollgate.capture().invoke(point(tollgate, "summarize"), () -> {
            throw new IllegalStateException();
        }));
        tollgate.capture().invoke(point(tollgate, "summarize"), () -> null);
        tollgate.capture().invoke(point(tollgate, "summarize"), () -> "plain text");

        assertThat(asked).containsExactly("plain text");
        assertThat(sink.records()).hasSize(4).allSatisfy(r -> assertThat(r.exchanges().size()).isLessThanOrEqualTo(1));
    }
}
