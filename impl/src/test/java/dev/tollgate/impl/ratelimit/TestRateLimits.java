package dev.tollgate.impl.ratelimit;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** Reads rate limits from test properties for the providers {@code openai} and {@code anthropic}. */
final class TestRateLimits {
    static final List<String> PROVIDERS = List.of("openai", "anthropic");

    private TestRateLimits() {
    }

    /**
     * @param clock the clock of the limits
     * @param sleeper the sleeper of the limits
     * @param keysAndValues alternating property names and values
     * @return the limits
     * @throws dev.tollgate.impl.config.TollgateConfigException if the properties have a problem
     */
    static RateLimits read(NanoClock clock, Sleeper sleeper, String... keysAndValues) {
        return read(TestConfig.of(keysAndValues), clock, sleeper);
    }

    static RateLimits read(Config config, NanoClock clock, Sleeper sleeper) {
        ConfigProblems problems = new ConfigProblems();
        RateLimits limits = RateLimits.read(new ConfigReader(config, problems), PROVIDERS, clock, sleeper);
        problems.throwIfAny();
        return limits;
    }
}
