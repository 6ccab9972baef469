package dev.tollgate.impl.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.CircuitState;
import dev.tollgate.api.ProviderStatus;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CircuitConfigTest {

    private static List<String> problemsOf(Config config) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(config).build());
        assertThat(e).as("the configuration is refused").isNotNull();
        return e.problems();
    }

    @Test
    void providerWithoutCircuitProperties_getsTheDefaults() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of("tollgate.providers.sim.type", "simulated")).build();

        assertThat(tollgate.health().tracker("sim")).get().extracting(ProviderTracker::settings)
                .isEqualTo(new CircuitSettings(true, 5, Duration.ofSeconds(30), 1));
    }

    @Test
    void circuitProperties_areReadPerProvider() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.a.type", "simulated",
                "tollgate.providers.a.circuit.failure-threshold", "3",
                "tollgate.providers.a.circuit.delay", "2m",
                "tollgate.providers.a.circuit.half-open-trials", "2",
                "tollgate.providers.b.type", "simulated",
                "tollgate.providers.b.circuit.enabled", "false")).build();

        assertThat(tollgate.health().tracker("a")).get().extracting(ProviderTracker::settings)
                .isEqualTo(new CircuitSettings(true, 3, Duration.ofMinutes(2), 2));
        assertThat(tollgate.health().tracker("b")).get().extracting(ProviderTracker::settings)
                .isEqualTo(new CircuitSettings(false, 5, Duration.ofSeconds(30), 1));
    }

    @Test
    void engineHealth_reportsEveryProviderByIdAndNoOther() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.provider", "zeta",
                "tollgate.providers.zeta.type", "simulated",
                "tollgate.providers.alpha.type", "simulated")).build();

        assertThat(tollgate.health().statuses()).extracting(ProviderStatus::provider).containsExactly("alpha", "zeta");
        assertThat(tollgate.health().statuses()).extracting(ProviderStatus::circuitState)
                .containsOnly(CircuitState.CLOSED);
        assertThat(tollgate.health().status("zeta")).isPresent();
        assertThat(tollgate.health().status("openai")).isEmpty();
        assertThat(tollgate.health().tracker("openai")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "failure-threshold, 0, at least 1",
        "failure-threshold, -2, at least 1",
        "failure-threshold, many, an integer",
        "failure-threshold, 2.5, an integer",
        "half-open-trials, 0, at least 1",
        "half-open-trials, lots, an integer",
        "delay, soon, PT60S",
        "delay, -5s, PT60S",
        "delay, 0s, a positive duration",
        "delay, PT0S, a positive duration",
        "enabled, yes, true or false",
    })
    void invalidCircuitProperty_isAProblemNamingIt(String key, String value, String expected) {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.circuit." + key, value));

        assertThat(problems).singleElement().asString()
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.sim.circuit." + key + "'", "'" + value + "'", expected);
    }

    @Test
    void circuitProperties_areNotReportedUnused_butAMisspelledOneIs() {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Tollgate.class.getName());
        logger.addHandler(handler);
        try {
            Tollgate.builder(TestConfig.of(
                    "tollgate.providers.sim.type", "simulated",
                    "tollgate.providers.sim.circuit.enabled", "true",
                    "tollgate.providers.sim.circuit.failure-threshold", "3",
                    "tollgate.providers.sim.circuit.delay", "PT10S",
                    "tollgate.providers.sim.circuit.half-open-trials", "2",
                    "tollgate.providers.sim.circuit.failure-treshold", "4")).build();
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(logged).singleElement().extracting(LogRecord::getMessage).asString()
                .startsWith("TOLLGATE-0100").contains("'tollgate.providers.sim.circuit.failure-treshold'");
    }
}
