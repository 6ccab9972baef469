package dev.tollgate.impl.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.BudgetStatus;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.impl.TestClock;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Budgets enforced by the engine over the simulated provider. Each request of {@link #HI} is
 * estimated at 1 input and 50 output tokens, and the provider reports exactly those, so at 1000
 * and 2000 per million tokens a request costs 0.101 and a limit of 0.5 admits four.
 */
class BudgetEnforcementTest {
    private static final ChatRequest HI = ChatRequest.builder().user("Hi").maxTokens(50).build();

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final TestRecordSink sink = new TestRecordSink();
    private final AtomicReference<String> caller = new AtomicReference<>();

    private Tollgate engine(String... budgetKeysAndValues) {
        TestConfig config = TestConfig.properties()
                .set("tollgate.provider", "sim")
                .set("tollgate.providers.sim.type", "simulated")
                .set("tollgate.providers.sim.model", "sim-model")
                .set("tollgate.providers.sim.input-tokens", "1")
                .set("tollgate.providers.sim.output-tokens", "50")
                .set("tollgate.providers.free.type", "simulated")
                .set("tollgate.providers.free.model", "unpriced")
                .set("tollgate.pricing.sim.sim-model.input", "1000")
                .set("tollgate.pricing.sim.sim-model.output", "2000");
        for (int i = 0; i < budgetKeysAndValues.length; i += 2) {
            config.set(budgetKeysAndValues[i], budgetKeysAndValues[i + 1]);
        }
        return Tollgate.builder(config.build()).clock(clock).recordSink(sink)
                .budgetKey(() -> Optional.ofNullable(caller.get())).build();
    }

    private static LlmException refusal(Tollgate tollgate, ChatRequest request) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> tollgate.chatClient().chat(request));
        assertThat(e).as("the request is refused").isNotNull();
        return e;
    }

    private static void inCall(Tollgate tollgate, String callName, Runnable body) throws Exception {
        CallPoint point = new CallPoint(callName, Object.class.getMethod("toString"), new Target("sim", null));
        tollgate.capture().invoke(point, () -> {
            body.run();
            return null;
        });
    }

    private static BigDecimal spent(Tollgate tollgate, String budget, String key) {
        BudgetStatus status = tollgate.budgets().status(budget, key);
        assertThat(status.reserved()).as("nothing is reserved once requests end").isEqualByComparingTo("0");
        return status.spent();
    }

    @Test
    void sharedDailyBudget_refusesTheRequestThatWouldExceedItsLimit_namingTheBudgetItsLimitAndPeriod() {
        Tollgate tollgate = engine("tollgate.budgets.daily.limit", "0.5", "tollgate.budgets.daily.period", "day");
        for (int i = 0; i < 4; i++) {
            tollgate.chatClient().chat(HI);
        }

        LlmException e = refusal(tollgate, HI);

        assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
        assertThat(e.getMessage()).contains("TOLLGATE-0320", "budget 'daily'", "0.5 USD a day",
                "until 2026-11-27T00:00:00Z", "spent 0.404 USD", "needs 0.101 USD");
        BudgetStatus status = tollgate.budgets().status("daily", "ignored");
        assertThat(status.spent()).isEqualByComparingTo("0.404");
        assertThat(status.remaining()).isEqualByComparingTo("0.096");
        assertThat(status.key()).isEmpty();
        assertThat(status.periodStart()).hasToString("2026-11-26T00:00:00Z");
    }

    @Test
    void refusedRequest_isRecordedAsAnUnsentFailureOfItsCall() throws Exception {
        Tollgate tollgate = engine("tollgate.budgets.tiny.limit", "0.1", "tollgate.budgets.tiny.period", "day");

        Exception thrown = catchThrowableOfType(Exception.class, () -> inCall(tollgate, "Svc.ask",
                () -> tollgate.chatClient().chat(HI)));

        assertThat(thrown).isInstanceOf(LlmException.class);
        LlmCallRecord record = sink.single();
        assertThat(record.exchanges()).singleElement().satisfies(x -> {
            assertThat(x.error()).get().extracting(LlmException::category).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
            assertThat(x.latency()).isEqualTo(Duration.ZERO);
            assertThat(x.usage().totalTokens()).isZero();
        });
    }

    @Test
    void answerCheaperThanItsEstimate_chargesWhatItCost() {
        Tollgate tollgate = engine("tollgate.budgets.daily.limit", "1", "tollgate.budgets.daily.period", "day");

        tollgate.chatClient().chat(HI.toBuilder().maxTokens(100).build());

        assertThat(spent(tollgate, "daily", "")).isEqualByComparingTo("0.101");
    }

    @Test
    void perCallBudget_givesEachCallNameItsOwnAllowance_andSkipsRequestsOutsideACall() throws Exception {
        Tollgate tollgate = engine("tollgate.budgets.calls.limit", "0.25", "tollgate.budgets.calls.period", "month",
                "tollgate.budgets.calls.per", "call");

        inCall(tollgate, "Svc.a", () -> {
            tollgate.chatClient().chat(HI);
            tollgate.chatClient().chat(HI);
        });
        inCall(tollgate, "Svc.b", () -> tollgate.chatClient().chat(HI));
        for (int i = 0; i < 5; i++) {
            tollgate.chatClient().chat(HI);
        }
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> inCall(tollgate, "Svc.a", () -> tollgate.chatClient().chat(HI)));

        assertThat(e.getMessage()).contains("budget 'calls' of 'Svc.a'", "0.25 USD a month", "2026-12-01T00:00:00Z");
        assertThat(spent(tollgate, "calls", "Svc.a")).isEqualByComparingTo("0.202");
        assertThat(spent(tollgate, "calls", "Svc.b")).isEqualByComparingTo("0.101");
    }

    @Test
    void providerSelector_limitsTheBudgetToThatProvider() {
        Tollgate tollgate = engine("tollgate.budgets.sim-only.limit", "0.1", "tollgate.budgets.sim-only.period", "day",
                "tollgate.budgets.sim-only.provider", "sim", "tollgate.budgets.sim-only.per", "provider");

        tollgate.chatClient().chat(HI.toBuilder().provider("free").build());

        assertThat(refusal(tollgate, HI).getMessage()).contains("budget 'sim-only' of 'sim'");
    }

    @Test
    void perPrincipalBudget_chargesEachCallerSeparately_andSkipsRequestsWithoutCaller() {
        Tollgate tollgate = engine("tollgate.budgets.users.limit", "0.2", "tollgate.budgets.users.period", "day",
                "tollgate.budgets.users.per", "principal");

        caller.set("alice");
        tollgate.chatClient().chat(HI);
        LlmException e = refusal(tollgate, HI);
        caller.set("bob");
        tollgate.chatClient().chat(HI);
        caller.set(null);
        tollgate.chatClient().chat(HI);
        tollgate.chatClient().chat(HI);

        assertThat(e.getMessage()).contains("budget 'users' of 'alice'");
        assertThat(spent(tollgate, "users", "alice")).isEqualByComparingTo("0.101");
        assertThat(spent(tollgate, "users", "bob")).isEqualByComparingTo("0.101");
    }

    @Test
    void oneBudgetRefusing_releasesTheReservationsOfTheOthers() {
        Tollgate tollgate = engine("tollgate.budgets.big.limit", "10", "tollgate.budgets.big.period", "month",
                "tollgate.budgets.small.limit", "0.15", "tollgate.budgets.small.period", "day");
        tollgate.chatClient().chat(HI);

        refusal(tollgate, HI);

        assertThat(spent(tollgate, "big", "")).isEqualByComparingTo("0.101");
        assertThat(spent(tollgate, "small", "")).isEqualByComparingTo("0.101");
    }

    @Test
    void unpricedTarget_reservesAndChargesNothing() {
        Tollgate tollgate = engine("tollgate.budgets.daily.limit", "0.01", "tollgate.budgets.daily.period", "day");

        for (int i = 0; i < 3; i++) {
            tollgate.chatClient().chat(HI.toBuilder().provider("free").build());
        }

        assertThat(spent(tollgate, "daily", "")).isEqualByComparingTo("0");
    }

    @Test
    void dailyBudget_isFreshAtMidnight_andMonthlyAtTheFirstOfTheMonth() {
        clock.advance(Duration.ofDays(4).plusHours(13).plusMinutes(59).plusSeconds(59));
        Tollgate tollgate = engine("tollgate.budgets.daily.limit", "0.15", "tollgate.budgets.daily.period", "day",
                "tollgate.budgets.monthly.limit", "0.25", "tollgate.budgets.monthly.period", "month");
        tollgate.chatClient().chat(HI);
        assertThat(refusal(tollgate, HI).getMessage()).contains("budget 'daily'", "2026-12-01T00:00:00Z");

        clock.advance(Duration.ofSeconds(1));
        tollgate.chatClient().chat(HI);

        assertThat(tollgate.budgets().status("monthly", "").periodStart()).hasToString("2026-12-01T00:00:00Z");
        assertThat(spent(tollgate, "monthly", "")).isEqualByComparingTo("0.101");
        assertThat(spent(tollgate, "daily", "")).isEqualByComparingTo("0.101");
    }

    @Test
    void refusedRequest_givesItsRateLimitPermitBack() throws Exception {
        Tollgate tollgate = engine("tollgate.providers.sim.rate-limit.rpm", "3",
                "tollgate.budgets.a-only.limit", "0.2", "tollgate.budgets.a-only.period", "day",
                "tollgate.budgets.a-only.call", "Svc.a");
        inCall(tollgate, "Svc.a", () -> tollgate.chatClient().chat(HI));
        for (int i = 0; i < 5; i++) {
            LlmException e = catchThrowableOfType(LlmException.class,
                    () -> inCall(tollgate, "Svc.a", () -> tollgate.chatClient().chat(HI)));
            assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
        }

        tollgate.chatClient().chat(HI);
        tollgate.chatClient().chat(HI);

        assertThat(refusal(tollgate, HI).category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    }

    @Test
    void streamClosedEarly_chargesWhatItsExchangeCost() throws Exception {
        Tollgate tollgate = engine("tollgate.budgets.daily.limit", "1", "tollgate.budgets.daily.period", "day");

        inCall(tollgate, "Svc.stream", () -> {
            try (ChatStream stream = tollgate.chatClient().stream(
                    ChatRequest.builder().user("Tell me a long story").maxTokens(50).build())) {
                Iterator<?> chunks = stream.iterator();
                chunks.next();
            }
        });

        Cost cost = sink.single().exchanges().get(0).cost();
        assertThat(cost.isKnown()).as("the cut stream's cost is partial").isFalse();
        assertThat(cost.total()).isEqualByComparingTo("0.101");
        assertThat(spent(tollgate, "daily", "")).as("its partial cost, not the estimate of 0.105")
                .isEqualByComparingTo("0.101");
    }

    @Test
    void manyConcurrentCallers_getExactlyAsManyAnswersAsTheLimitPays() throws Exception {
        Tollgate tollgate = engine("tollgate.budgets.daily.limit", "1", "tollgate.budgets.daily.period", "day");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    tollgate.chatClient().chat(HI);
                    return true;
                } catch (LlmException e) {
                    assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
                    return false;
                }
            }));
        }
        start.countDown();
        int answered = 0;
        for (Future<Boolean> outcome : outcomes) {
            answered += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(answered).as("nine requests of 0.101 fit in 1").isEqualTo(9);
        assertThat(spent(tollgate, "daily", "")).isEqualByComparingTo("0.909");
    }

    @Test
    void statusOfAnUnknownBudget_isRefusedListingTheConfiguredOnes() {
        Tollgate tollgate = engine("tollgate.budgets.daily.limit", "1", "tollgate.budgets.daily.period", "day");

        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> tollgate.budgets().status("weekly", ""));

        assertThat(e).hasMessageContaining("'weekly'").hasMessageContaining("[daily]");
    }
}
