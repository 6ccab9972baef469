package dev.tollgate.impl.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Usage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PermitTest {
    private static final String RPM = "tollgate.providers.openai.rate-limit.rpm";
    private static final String TPM = "tollgate.providers.openai.rate-limit.tpm";

    private final TestNanoClock clock = new TestNanoClock();

    private RateLimiter limiter(String... keysAndValues) {
        return TestRateLimits.read(clock, new TestSleeper(null), keysAndValues).forTarget("openai", "gpt-4o");
    }

    private static Duration refusal(RateLimiter limiter, long tokens) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> limiter.acquire(tokens));
        assertThat(e).as("the request is refused").isNotNull();
        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        return e.retryAfter().orElseThrow();
    }

    private static void admitted(RateLimiter limiter, long tokens) {
        assertThat(limiter.acquire(tokens).waited()).isZero();
    }

    private static LlmException providerAnswered(int status) {
        return LlmException.builder(ErrorCategory.RATE_LIMITED).provider("openai").httpStatus(status).build();
    }

    @Test
    void fewerTokensThanEstimated_giveTheDifferenceBack() {
        RateLimiter limiter = limiter(TPM, "1000");

        limiter.acquire(1000).settle(100);

        admitted(limiter, 900);
        refusal(limiter, 1);
    }

    @Test
    void moreTokensThanEstimated_chargeTheDifference() {
        RateLimiter limiter = limiter(TPM, "1000");

        limiter.acquire(100).settle(1000);

        assertThat(refusal(limiter, 1)).isEqualTo(Duration.ofMillis(60));
    }

    @Test
    void knownUsage_settlesItsTotal() {
        RateLimiter limiter = limiter(TPM, "1000");

        limiter.acquire(1000).settle(Usage.of(300, 200));

        admitted(limiter, 500);
        refusal(limiter, 1);
    }

    @Test
    void unknownUsage_keepsTheEstimate() {
        RateLimiter limiter = limiter(TPM, "1000");

        limiter.acquire(500).settle(Usage.unknown());

        admitted(limiter, 500);
        refusal(limiter, 1);
    }

    @Test
    void partialUsageAboveTheEstimate_chargesWhatWasCounted() {
        RateLimiter limiter = limiter(TPM, "1000");

        limiter.acquire(100).settle(Usage.of(600, 100).partial());

        admitted(limiter, 300);
        refusal(limiter, 1);
    }

    @Test
    void partialUsageBelowTheEstimate_keepsTheEstimate() {
        RateLimiter limiter = limiter(TPM, "1000");

        limiter.acquire(800).settle(Usage.of(10, 0).partial());

        admitted(limiter, 200);
        refusal(limiter, 1);
    }

    @Test
    void onlyTheFirstSettleCounts() {
        RateLimiter limiter = limiter(TPM, "1000");
        Permit permit = limiter.acquire(500);

        permit.settle(1000);
        permit.settle(1000);
        permit.settle(0);
        permit.settleFailure(providerAnswered(429));

        assertThat(refusal(limiter, 1)).isEqualTo(Duration.ofMillis(60));
    }

    @Test
    void giveBack_neverFillsTheLimitBeyondOneMinuteOfTokens() {
        RateLimiter limiter = limiter(TPM, "1000");
        Permit permit = limiter.acquire(1000);
        clock.advance(Duration.ofSeconds(30));

        permit.settle(0);

        admitted(limiter, 1000);
        refusal(limiter, 1);
    }

    @Test
    void giveBack_afterTheLimitHasRefilled_givesNothing() {
        RateLimiter limiter = limiter(TPM, "1000");
        Permit first = limiter.acquire(1000);
        clock.advance(Duration.ofMinutes(1));
        admitted(limiter, 1000);

        first.settle(0);

        assertThat(refusal(limiter, 1000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void giveBack_whileOthersAreQueued_shortensTheirSuccessorsWait() {
        RateLimiter limiter = limiter(TPM, "1000", "tollgate.providers.openai.rate-limit.max-wait", "PT1M");
        Permit first = limiter.acquire(1000);
        assertThat(limiter.acquire(500).waited()).isEqualTo(Duration.ofSeconds(30));

        first.settle(500);

        assertThat(limiter.acquire(500).waited()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void providerErrorAnswer_keepsTheRequest_andGivesTheTokensBack() {
        RateLimiter limiter = limiter(RPM, "2", TPM, "1000");

        limiter.acquire(1000).settleFailure(providerAnswered(429));

        admitted(limiter, 1000);
        refusal(limiter, 0);
    }

    @Test
    void requestRefusedBeforeSending_givesTheRequestAndTheTokensBack() {
        RateLimiter limiter = limiter(RPM, "1", TPM, "1000");

        limiter.acquire(1000).settleFailure(LlmException.builder(ErrorCategory.INVALID_REQUEST)
                .provider("openai").message("'seed' is not supported").build());

        admitted(limiter, 1000);
    }

    @Test
    void failureWithoutAnAnswer_keepsTheEstimate() {
        RateLimiter limiter = limiter(TPM, "1000");

        limiter.acquire(1000).settleFailure(LlmException.builder(ErrorCategory.TIMEOUT).provider("openai").build());
        limiter.acquire(0).settleFailure(new IllegalStateException("bug"));

        assertThat(refusal(limiter, 1)).isEqualTo(Duration.ofMillis(60));
    }

    @Test
    void negativeTokens_areRefused() {
        Permit permit = limiter(TPM, "1000").acquire(10);

        assertThatThrownBy(() -> permit.settle(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void permitOfNoLimit_ignoresEverySettle() {
        Permit none = Permit.none();

        none.settle(1_000_000);
        none.settle(Usage.unknown());
        none.settleFailure(providerAnswered(500));

        assertThat(none.waited()).isZero();
    }
}
