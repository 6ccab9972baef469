package dev.tollgate.impl.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.LlmException;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.config.TollgateConfigException;
import io.smallrye.config.EnvConfigSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitsConfigTest {
    private static final String PREFIX = "tollgate.providers.openai.rate-limit.";

    private final TestNanoClock clock = new TestNanoClock();
    private final TestSleeper sleeper = new TestSleeper(null);

    private RateLimits read(String... keysAndValues) {
        return TestRateLimits.read(clock, sleeper, keysAndValues);
    }

    private static List<String> problemsOf(String... keysAndValues) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> TestRateLimits.read(NanoClock.SYSTEM, Sleeper.THREAD, keysAndValues));
        assertThat(e).as("the configuration is refused").isNotNull();
        return e.problems();
    }

    private static int admittedAtOnce(RateLimiter limiter, long tokens) {
        int admitted = 0;
        try {
            while (limiter.acquire(tokens).waited().isZero()) {
                admitted++;
                assertThat(admitted).as("requests admitted at once").isLessThan(10_000);
            }
        } catch (LlmException e) {
            // the limit is reached
        }
        return admitted;
    }

    private static LlmException refusal(RateLimiter limiter) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> limiter.acquire(0));
        assertThat(e).as("the request is refused").isNotNull();
        return e;
    }

    @Test
    void providerLimits_areRead() {
        RateLimits limits = read(PREFIX + "rpm", "5", PREFIX + "tpm", "1000", PREFIX + "max-wait", "PT2S");
        RateLimiter limiter = limits.forTarget("openai", "gpt-4o");

        assertThat(admittedAtOnce(limits.forTarget("openai", "gpt-4o-mini"), 0)).isEqualTo(5);
        LlmException e = refusal(limiter);
        clock.advance(Duration.ofSeconds(10));

        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(12));
        assertThat(e.getMessage()).contains("of 5 requests a minute", "longer than the 2000 ms");
        assertThat(limiter.acquire(0).waited()).as("max-wait lets a request wait").isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.countsTokens()).isTrue();
        assertThat(limits.isEmpty()).isFalse();
        assertThat(limits.warnings()).isEmpty();
    }

    @Test
    void maxWait_defaultsToFailingAtOnce() {
        RateLimits limits = read(PREFIX + "rpm", "1");
        limits.forTarget("openai", "gpt-4o").acquire(0);

        LlmException e = refusal(limits.forTarget("openai", "gpt-4o"));

        assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(1));
        assertThat(e.getMessage()).contains("longer than the 0 ms");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void maxWait_acceptsTheShortDurationForm() {
        RateLimiter limiter = read(PREFIX + "rpm", "60", PREFIX + "max-wait", "1500ms").forTarget("openai", "gpt-4o");
        for (int i = 0; i < 60; i++) {
            limiter.acquire(0);
        }

        assertThat(limiter.acquire(0).waited()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refusal(limiter).getMessage()).contains("longer than the 1500 ms");
    }

    @Test
    void quotedModelNameWithDots_getsItsOwnLimits() {
        RateLimits limits = read(PREFIX + "models.\"gpt-4.1\".rpm", "3", PREFIX + "models.\"gpt-4.1\".tpm", "100");

        assertThat(admittedAtOnce(limits.forTarget("openai", "gpt-4.1"), 0)).isEqualTo(3);
        assertThat(limits.forTarget("openai", "gpt-4.1").countsTokens()).isTrue();
        assertThat(limits.forTarget("openai", "gpt-4")).isSameAs(RateLimiter.none());
        assertThat(limits.forTarget("openai", "\"gpt-4.1\"")).isSameAs(RateLimiter.none());
        assertThat(limits.forTarget("openai", null)).isSameAs(RateLimiter.none());
    }

    @Test
    void unquotedModelNameWithDots_getsItsOwnLimits() {
        RateLimits limits = read(
                PREFIX + "models.gpt-4.1-mini.rpm", "2",
                "tollgate.providers.anthropic.rate-limit.models.claude-3.5-haiku.tpm", "50");

        assertThat(admittedAtOnce(limits.forTarget("openai", "gpt-4.1-mini"), 0)).isEqualTo(2);
        assertThat(admittedAtOnce(limits.forTarget("anthropic", "claude-3.5-haiku"), 10)).isEqualTo(5);
    }

    @Test
    void providerKeys_canComeFromEnvironmentVariables() {
        RateLimits limits = TestRateLimits.read(TestConfig.properties().buildWith(new EnvConfigSource(Map.of(
                "TOLLGATE_PROVIDERS_OPENAI_RATE_LIMIT_RPM", "4",
                "TOLLGATE_PROVIDERS_OPENAI_RATE_LIMIT_MAX_WAIT", "PT1M"), 300)), clock, sleeper);

        RateLimiter limiter = limits.forTarget("openai", "gpt-4o");
        assertThat(admittedAtOnce(limiter, 0)).as("the fifth request waits").isEqualTo(4);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(15));
    }

    @Test
    void invalidLimitValues_areProblemsNamingTheProperty() {
        List<String> problems = problemsOf(
                PREFIX + "rpm", "0",
                PREFIX + "tpm", "-5",
                "tollgate.providers.anthropic.rate-limit.rpm", "many",
                "tollgate.providers.anthropic.rate-limit.tpm", "1.5",
                PREFIX + "models.\"gpt-4.1\".rpm", "1000000001",
                PREFIX + "models.\"gpt-4.1\".tpm", "");

        assertThat(problems).containsExactlyInAnyOrder(
                invalid(PREFIX + "rpm", "0", "requests"),
                invalid(PREFIX + "tpm", "-5", "tokens"),
                invalid("tollgate.providers.anthropic.rate-limit.rpm", "many", "requests"),
                invalid("tollgate.providers.anthropic.rate-limit.tpm", "1.5", "tokens"),
                invalid(PREFIX + "models.\"gpt-4.1\".rpm", "1000000001", "requests"));
    }

    private static String invalid(String property, String value, String unit) {
        return "TOLLGATE-0006: property '" + property + "' has invalid value '" + value + "'; expected a whole number of "
                + unit + " a minute, from 1 to 1000000000";
    }

    @Test
    void invalidMaxWait_isAProblemNamingTheProperty() {
        List<String> problems = problemsOf(PREFIX + "rpm", "1", PREFIX + "max-wait", "soon",
                "tollgate.providers.anthropic.rate-limit.max-wait", "-PT1S");

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("TOLLGATE-0006: property '" + PREFIX + "max-wait' has invalid value "
                + "'soon'");
        assertThat(problems.get(1)).startsWith("TOLLGATE-0006: property "
                + "'tollgate.providers.anthropic.rate-limit.max-wait' has invalid value '-PT1S'");
    }

    @Test
    void unknownKeysUnderRateLimit_areProblemsNamingTheProperty() {
        List<String> problems = problemsOf(
                PREFIX + "rmp", "60",
                PREFIX + "models.\"gpt-4o\".max-wait", "PT1S",
                PREFIX + "models.rpm", "60",
                PREFIX + "models.\"\".tpm", "60",
                PREFIX + "burst", "10");

        assertThat(problems).hasSize(5).allSatisfy(p -> assertThat(p).startsWith("TOLLGATE-0030: property '"));
        assertThat(String.join("\n", problems)).contains(
                "'" + PREFIX + "rmp'", "'" + PREFIX + "models.\"gpt-4o\".max-wait'", "'" + PREFIX + "models.rpm'",
                "'" + PREFIX + "models.\"\".tpm'", "'" + PREFIX + "burst'");
    }

    @Test
    void keysOfProvidersThatAreNotConfigured_areLeftToTheRegistry() {
        RateLimits limits = read("tollgate.providers.vllm.rate-limit.rpm", "nonsense",
                "tollgate.providers.vllm.rate-limit.typo", "1");

        assertThat(limits).isSameAs(RateLimits.none());
        assertThat(limits.forTarget("vllm", "m")).isSameAs(RateLimiter.none());
    }

    @Test
    void maxWaitWithoutALimit_isAWarning() {
        RateLimits limits = read(PREFIX + "max-wait", "PT5S");

        assertThat(limits.warnings()).containsExactly("TOLLGATE-0110: property '" + PREFIX + "max-wait' has no "
                + "effect, because the provider has no rate limit; set its rate-limit.rpm or rate-limit.tpm, or "
                + "remove it");
        assertThat(limits.isEmpty()).isTrue();
    }

    @Test
    void modelLimitAboveTheProviderLimit_isAWarning() {
        RateLimits limits = read(PREFIX + "rpm", "100", PREFIX + "tpm", "1000",
                PREFIX + "models.\"gpt-4o\".rpm", "500", PREFIX + "models.\"gpt-4o\".tpm", "1000");

        assertThat(limits.warnings()).containsExactly("TOLLGATE-0111: property '" + PREFIX + "models.\"gpt-4o\".rpm' "
                + "(500) is above property '" + PREFIX + "rpm' (100), which applies to every model of the provider, "
                + "so it never takes effect; lower it or remove it");
    }

    @Test
    void noLimits_readAsNone() {
        RateLimits limits = read("tollgate.providers.openai.timeout", "PT5S");

        assertThat(limits).isSameAs(RateLimits.none());
        assertThat(limits.isEmpty()).isTrue();
        assertThat(limits.forTarget("openai", "gpt-4o")).isSameAs(RateLimiter.none());
    }

    @Test
    void rateLimitKeys_areMarkedAsReadForTheUnusedKeyCheck() {
        assertThat(RateLimits.ownsProviderKey("rate-limit.rpm")).isTrue();
        assertThat(RateLimits.ownsProviderKey("rate-limit.models.\"gpt-4.1\".tpm")).isTrue();
        assertThat(RateLimits.ownsProviderKey("rate-limit.rmp")).as("reported by the rate limits instead").isTrue();
        assertThat(RateLimits.ownsProviderKey("rate-limit")).isFalse();
        assertThat(RateLimits.ownsProviderKey("timeout")).isFalse();
        assertThat(RateLimits.PROVIDER_KEY_PREFIXES).containsExactly("rate-limit.");
    }

    @Test
    void propertyNames_areBuiltFromTheDeclaredKeys() {
        assertThat(ConfigKeys.rateLimitProperty("openai", ConfigKeys.RPM)).isEqualTo(PREFIX + "rpm");
        assertThat(ConfigKeys.rateLimitProperty("openai", ConfigKeys.MAX_WAIT)).isEqualTo(PREFIX + "max-wait");
    }

    @Test
    void problemsOfOtherProperties_areKeptAlongside() {
        ConfigProblems problems = new ConfigProblems();
        problems.add("earlier problem");

        RateLimits.read(new ConfigReader(TestConfig.of(PREFIX + "rpm", "x"), problems), List.of("openai"));

        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class, problems::throwIfAny);
        assertThat(e.problems()).hasSize(2).first().isEqualTo("earlier problem");
    }
}
