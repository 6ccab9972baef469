package dev.tollgate.impl.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Fallback chains over simulated providers that fail as configured. */
class FallbackChainTest {
    private static final ErrorCategory[] TRANSIENT = {ErrorCategory.RATE_LIMITED, ErrorCategory.TIMEOUT,
        ErrorCategory.NETWORK, ErrorCategory.SERVER_ERROR, ErrorCategory.OVERLOADED, ErrorCategory.INVALID_RESPONSE};

    private final TestRecordSink sink = new TestRecordSink();

    @SuppressWarnings("unused")
    static final class Service {
        String answer() {
            return null;
        }
    }

    private Tollgate tollgate(String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "tollgate.provider", "primary",
                "tollgate.providers.primary.type", "simulated",
                "tollgate.providers.primary.failure-rate", "1",
                "tollgate.providers.primary.failure-category", "SERVER_ERROR",
                "tollgate.providers.denied.type", "simulated",
                "tollgate.providers.denied.failure-rate", "1",
                "tollgate.providers.denied.failure-category", "AUTHENTICATION",
                "tollgate.providers.small.type", "simulated",
                "tollgate.providers.small.failure-rate", "1",
                "tollgate.providers.small.failure-category", "CONTEXT_LENGTH_EXCEEDED",
                "tollgate.providers.busy.type", "simulated",
                "tollgate.providers.busy.failure-rate", "1",
                "tollgate.providers.busy.failure-category", "OVERLOADED",
                "tollgate.providers.backup.type", "simulated",
                "tollgate.providers.backup.reply", "backup answered",
                "tollgate.providers.large.type", "simulated",
                "tollgate.providers.large.reply", "large answered"));
        props.addAll(List.of(extra));
        return Tollgate.builder(TestConfig.of(props.toArray(String[]::new))).recordSink(sink).executor(Runnable::run)
                .build();
    }

    private static Method answer() throws NoSuchMethodException {
        return Service.class.getDeclaredMethod("answer");
    }

    private Object call(Tollgate tollgate, String primary, FallbackPlan plan) throws Exception {
        CallPoint point = tollgate.callPoint(plan.callName(), answer(), primary, "");
        return tollgate.capture().invoke(point, () -> tollgate.fallback().invoke(plan,
                () -> tollgate.chatClient().chat(ChatRequest.of("hi")).text()));
    }

    @Test
    void transientFailure_movesToTheNextTargetAndTheRecordShowsBothAttempts() throws Exception {
        Tollgate tollgate = tollgate();
        FallbackPlan plan = tollgate.fallbackPlan("chain", answer(), new String[] {"busy", "backup"}, TRANSIENT, "");

        assertThat(call(tollgate, "primary", plan)).isEqualTo("backup answered");

        LlmCallRecord record = sink.single();
        assertThat(record.outcome()).isEqualTo(LlmCallRecord.Outcome.SUCCESS);
        assertThat(record.exchanges()).extracting(e -> e.target().provider()).containsExactly("primary", "busy", "backup");
        assertThat(record.exchanges()).extracting(e -> e.error().map(LlmException::category).orElse(null))
                .containsExactly(ErrorCategory.SERVER_ERROR, ErrorCategory.OVERLOADED, null);
        assertThat(record.usage().isKnown()).isTrue();
    }

    @Test
    void permanentFailure_doesNotMoveOn() throws Exception {
        Tollgate tollgate = tollgate();
        FallbackPlan plan = tollgate.fallbackPlan("chain", answer(), new String[] {"backup"}, TRANSIENT, "");

        LlmException e = catchThrowableOfType(LlmException.class, () -> call(tollgate, "denied", plan));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(sink.single().exchanges()).hasSize(1);
    }

    @Test
    void everyTargetFailing_throwsTheFirstFailureWithTheOthersSuppressed() throws Exception {
        Tollgate tollgate = tollgate();
        FallbackPlan plan = tollgate.fallbackPlan("chain", answer(), new String[] {"busy"}, TRANSIENT, "");

        LlmException e = catchThrowableOfType(LlmException.class, () -> call(tollgate, "primary", plan));

        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.getSuppressed()).hasSize(1);
        assertThat(((LlmException) e.getSuppressed()[0]).category()).isEqualTo(ErrorCategory.OVERLOADED);
        assertThat(sink.single().outcome()).isEqualTo(LlmCallRecord.Outcome.FAILURE);
    }

    @Test
    void contextTooSmall_goesOnceToTheContextFallback() throws Exception {
        Tollgate tollgate = tollgate();
        FallbackPlan plan = tollgate.fallbackPlan("chain", answer(), new String[0], TRANSIENT, "large");

        assertThat(call(tollgate, "small", plan)).isEqualTo("large answered");
        assertThat(sink.single().exchanges()).extracting(Exchange::target)
                .extracting(Target::provider).containsExactly("small", "large");
    }

    @Test
    void unavailableProvider_isSkippedWithoutARequest() throws Exception {
        Tollgate base = tollgate();
        FallbackChain chain = new FallbackChain(base.contexts(), provider -> !provider.equals("busy"));
        FallbackPlan plan = base.fallbackPlan("chain", answer(), new String[] {"busy", "backup"}, TRANSIENT, "");
        CallPoint point = base.callPoint("chain", answer(), "primary", "");

        Object answer = base.capture().invoke(point, () -> chain.invoke(plan,
                () -> base.chatClient().chat(ChatRequest.of("hi")).text()));

        assertThat(answer).isEqualTo("backup answered");
        assertThat(sink.single().exchanges()).extracting(e -> e.target().provider()).containsExactly("primary", "backup");
    }

    @Test
    void failingStage_movesOnAndTheRecordWaitsForTheLastAttempt() throws Exception {
        Tollgate tollgate = tollgate();
        FallbackPlan plan = tollgate.fallbackPlan("chain", answer(), new String[] {"backup"}, TRANSIENT, "");
        CallPoint point = tollgate.callPoint("chain", answer(), "primary", "");

        Object result = tollgate.capture().invoke(point, () -> tollgate.fallback().invoke(plan,
                () -> tollgate.chatClient().chatAsync(ChatRequest.of("hi")).thenApply(ChatResponse::text)));

        assertThat(((CompletionStage<?>) result).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo("backup answered");
        assertThat(sink.single().exchanges()).hasSize(2);
    }

    @Test
    void configuredChain_overridesTheAnnotation() throws Exception {
        Tollgate tollgate = tollgate("tollgate.call.\"chain\".fallback", "backup");
        FallbackPlan plan = tollgate.fallbackPlan("chain", answer(), new String[] {"busy"}, TRANSIENT, "");

        assertThat(plan.targets()).containsExactly(new Target("backup", null));
    }

    @Test
    void unknownFallbackProvider_isRefusedNamingIt() throws Exception {
        Tollgate tollgate = tollgate();

        assertThatThrownBy(() -> tollgate.fallbackPlan("chain", answer(), new String[] {"nowhere/m"}, TRANSIENT, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TOLLGATE-0026").hasMessageContaining("'nowhere'");
    }

    @Test
    void retryAfterLongerThanTheBound_refusesTheRetryUnsent() throws Exception {
        Tollgate tollgate = tollgate("tollgate.providers.limited.type", "simulated",
                "tollgate.providers.limited.failure-rate", "1",
                "tollgate.providers.limited.failure-category", "RATE_LIMITED",
                "tollgate.retry-after.max-wait", "PT0.1S");
        CallPoint point = tollgate.callPoint("limited", answer(), "limited", "");
        CompletableFuture<List<LlmException>> failures = new CompletableFuture<>();

        tollgate.capture().invoke(point, () -> {
            List<LlmException> seen = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                try {
                    tollgate.chatClient().chat(ChatRequest.of("hi"));
                } catch (LlmException e) {
                    seen.add(e);
                }
            }
            failures.complete(seen);
            return null;
        });

        assertThat(failures.get()).hasSize(2);
        assertThat(sink.single().exchanges()).hasSize(2);
    }
}
