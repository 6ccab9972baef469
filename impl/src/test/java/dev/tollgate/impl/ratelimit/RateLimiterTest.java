package dev.tollgate.impl.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.TransientLlmException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final String RPM = "tollgate.providers.openai.rate-limit.rpm";
    private static final String TPM = "tollgate.providers.openai.rate-limit.tpm";
    private static final String MAX_WAIT = "tollgate.providers.openai.rate-limit.max-wait";

    private final TestNanoClock clock = new TestNanoClock();
    private final TestSleeper sleeper = new TestSleeper(null);

    private RateLimiter limiter(String model, String... keysAndValues) {
        return TestRateLimits.read(clock, sleeper, keysAndValues).forTarget("openai", model);
    }

    private static LlmException failure(RateLimiter limiter, long tokens) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> limiter.acquire(tokens));
        assertThat(e).as("the request is refused").isNotNull();
        return e;
    }

    private static void acquireTimes(RateLimiter limiter, int times, long tokens) {
        for (int i = 0; i < times; i++) {
            assertThat(limiter.acquire(tokens).waited()).as("request %d waits", i + 1).isZero();
        }
    }

    @Test
    void restedRequestLimit_admitsOneMinuteOfRequestsAtOnce_thenFailsFast() {
        RateLimiter limiter = limiter("gpt-4o", RPM, "60");

        acquireTimes(limiter, 60, 0);
        LlmException e = failure(limiter, 0);

        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.provider()).hasValue("openai");
        assertThat(e.model()).hasValue("gpt-4o");
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1));
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.getMessage()).contains("TOLLGATE-0210", "'" + RPM + "'", "60 requests a minute", "1000 ms",
                "'" + MAX_WAIT + "'");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void requestLimit_refillsContinuously() {
        RateLimiter limiter = limiter("gpt-4o", RPM, "60");
        acquireTimes(limiter, 60, 0);

        clock.advance(Duration.ofMillis(999));
        assertThat(failure(limiter, 0).retryAfter()).hasValue(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        acquireTimes(limiter, 1, 0);
        failure(limiter, 0);

        clock.advance(Duration.ofSeconds(30));
        acquireTimes(limiter, 30, 0);
        failure(limiter, 0);
    }

    @Test
    void refusedRequest_reservesNothing() {
        RateLimiter limiter = limiter("gpt-4o", RPM, "60");
        acquireTimes(limiter, 60, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(failure(limiter, 0).retryAfter()).hasValue(Duration.ofSeconds(1));
        }

        clock.advance(Duration.ofSeconds(1));
        acquireTimes(limiter, 1, 0);
    }

    @Test
    void waitWithinMaxWait_sleepsUntilEachRequestsOwnTurn() {
        RateLimiter limiter = limiter("gpt-4o", RPM, "60", MAX_WAIT, "PT5S");
        acquireTimes(limiter, 60, 0);

        for (int i = 1; i <= 5; i++) {
            assertThat(limiter.acquire(0).waited()).isEqualTo(Duration.ofSeconds(i));
        }
        LlmException e = failure(limiter, 0);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5));
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(6));
        assertThat(e.getMessage()).contains("6000 ms", "5000 ms");
    }

    @Test
    void waitOfExactlyMaxWait_isAllowed() {
        RateLimiter limiter = limiter("gpt-4o", RPM, "60", MAX_WAIT, "1s");
        acquireTimes(limiter, 60, 0);

        assertThat(limiter.acquire(0).waited()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void tokenLimit_reservesTheEstimate() {
        RateLimiter limiter = limiter("gpt-4o", TPM, "1000");

        acquireTimes(limiter, 1, 600);
        LlmException e = failure(limiter, 600);

        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(12));
        assertThat(e.getMessage()).contains("'" + TPM + "'", "1000 tokens a minute", "12000 ms");
        acquireTimes(limiter, 1, 400);
        failure(limiter, 1);
    }

    @Test
    void requestLargerThanTheLimit_startsWhenRested_andTheOverdraftDelaysTheNext() {
        RateLimiter limiter = limiter("gpt-4o", TPM, "1000");

        acquireTimes(limiter, 1, 3000);

        assertThat(failure(limiter, 1).retryAfter()).hasValue(Duration.ofMillis(120_060));
        assertThat(failure(limiter, 3000).retryAfter()).hasValue(Duration.ofMinutes(3));
        clock.advance(Duration.ofMinutes(3));
        acquireTimes(limiter, 1, 3000);
    }

    @Test
    void requestsAndTokens_mustBothFit_andTheLongerWaitNamesItsLimit() {
        RateLimiter byRequests = limiter("gpt-4o", RPM, "1", TPM, "1000");
        acquireTimes(byRequests, 1, 10);
        LlmException requests = failure(byRequests, 10);
        assertThat(requests.retryAfter()).hasValue(Duration.ofMinutes(1));
        assertThat(requests.getMessage()).contains("'" + RPM + "'").doesNotContain(TPM);

        RateLimiter byTokens = limiter("gpt-4o", RPM, "100", TPM, "1000");
        acquireTimes(byTokens, 1, 1000);
        LlmException tokens = failure(byTokens, 10);
        assertThat(tokens.retryAfter()).hasValue(Duration.ofMillis(600));
        assertThat(tokens.getMessage()).contains("'" + TPM + "'").doesNotContain(RPM);
    }

    @Test
    void requestWaitingForOneLimit_takesItsTokensAtItsStart() {
        RateLimits limits = TestRateLimits.read(clock, sleeper,
                TPM, "1000",
                MAX_WAIT, "PT1M",
                "tollgate.providers.openai.rate-limit.models.\"o3\".rpm", "1");
        RateLimiter o3 = limits.forTarget("openai", "o3");
        acquireTimes(o3, 1, 10);

        assertThat(o3.acquire(10).waited()).isEqualTo(Duration.ofMinutes(1));
        LlmException e = failure(limits.forTarget("openai", "gpt-4o"), 1000);

        assertThat(e.retryAfter()).as("the 10 tokens of the waiting request count from its start")
                .hasValue(Duration.ofMillis(60_600));
    }

    @Test
    void modelAndProviderLimits_bothApply() {
        RateLimits limits = TestRateLimits.read(clock, sleeper,
                RPM, "3",
                "tollgate.providers.openai.rate-limit.models.\"gpt-4.1\".rpm", "2");
        RateLimiter model = limits.forTarget("openai", "gpt-4.1");
        RateLimiter other = limits.forTarget("openai", "gpt-4o");

        acquireTimes(model, 2, 0);
        LlmException modelLimited = failure(model, 0);
        acquireTimes(other, 1, 0);
        LlmException providerLimited = failure(other, 0);

        assertThat(modelLimited.model()).hasValue("gpt-4.1");
        assertThat(modelLimited.getMessage())
                .contains("'tollgate.providers.openai.rate-limit.models.\"gpt-4.1\".rpm' of 2 requests");
        assertThat(providerLimited.model()).hasValue("gpt-4o");
        assertThat(providerLimited.getMessage()).contains("'" + RPM + "' of 3 requests");
    }

    @Test
    void modelsWithoutLimitsOfTheirOwn_shareTheProviderLimit() {
        RateLimits limits = TestRateLimits.read(clock, sleeper, RPM, "2");

        acquireTimes(limits.forTarget("openai", "gpt-4o"), 1, 0);
        acquireTimes(limits.forTarget("openai", "gpt-4o-mini"), 1, 0);

        assertThat(failure(limits.forTarget("openai", "o3"), 0).model()).hasValue("o3");
        assertThat(failure(limits.forTarget("openai", null), 0).model()).isEmpty();
    }

    @Test
    void limitsOfOneProvider_doNotTouchAnother() {
        RateLimits limits = TestRateLimits.read(clock, sleeper, RPM, "1",
                "tollgate.providers.anthropic.rate-limit.rpm", "1");

        acquireTimes(limits.forTarget("openai", "gpt-4o"), 1, 0);
        acquireTimes(limits.forTarget("anthropic", "claude-sonnet-4"), 1, 0);
    }

    @Test
    void interruptedWhileWaiting_isCancelled_keepsTheInterrupt_andGivesTheTurnBack() {
        RateLimiter limiter = limiter("gpt-4o", RPM, "60", MAX_WAIT, "PT1M");
        acquireTimes(limiter, 60, 0);
        sleeper.interruptEverySleep(true);

        LlmException e = catchThrowableOfType(LlmException.class, () -> limiter.acquire(0));
        boolean interrupted = Thread.interrupted();
        sleeper.interruptEverySleep(false);

        assertThat(interrupted).as("the interrupt flag is set again").isTrue();
        assertThat(e.category()).isEqualTo(ErrorCategory.CANCELLED);
        assertThat(e.provider()).hasValue("openai");
        assertThat(e.model()).hasValue("gpt-4o");
        assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
        assertThat(e.getMessage()).contains("TOLLGATE-0211", "'" + RPM + "'", "1000 ms");
        assertThat(limiter.acquire(0).waited()).as("the next request gets the turn back")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void negativeEstimate_isRefused() {
        RateLimiter limiter = limiter("gpt-4o", TPM, "1000");

        assertThatThrownBy(() -> limiter.acquire(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void targetWithoutLimits_getsTheLimiterThatDoesNothing() {
        RateLimits limits = TestRateLimits.read(clock, sleeper, RPM, "1");

        RateLimiter none = limits.forTarget("anthropic", "claude-sonnet-4");

        assertThat(none).isSameAs(RateLimiter.none());
        assertThat(none.countsTokens()).isFalse();
        for (int i = 0; i < 1000; i++) {
            assertThat(none.acquire(1_000_000)).isSameAs(Permit.none());
        }
        assertThat(limits.forTarget("unknown", "m")).isSameAs(RateLimiter.none());
    }

    @Test
    void requestLimitOnly_doesNotCountTokens() {
        assertThat(limiter("gpt-4o", RPM, "60").countsTokens()).isFalse();
        assertThat(limiter("gpt-4o", TPM, "60").countsTokens()).isTrue();
    }

    @Test
    void limiterOfATarget_isMadeOnce() {
        RateLimits limits = TestRateLimits.read(clock, sleeper, RPM, "1");

        assertThat(limits.forTarget("openai", "gpt-4o")).isSameAs(limits.forTarget("openai", "gpt-4o"));
        assertThat(limits.forTarget("openai", null)).isSameAs(limits.forTarget("openai", null));
    }

    @Test
    void threadSleeper_wakesAtOnceWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Sleeper.THREAD.sleep(Duration.ofHours(1).toNanos()))
                .isInstanceOf(InterruptedException.class);
    }
}
