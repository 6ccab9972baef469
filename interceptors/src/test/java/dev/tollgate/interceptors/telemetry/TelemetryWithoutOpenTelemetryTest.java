package dev.tollgate.interceptors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Where the OpenTelemetry API is absent (this module's tests run without it), Tollgate works untraced. */
class TelemetryWithoutOpenTelemetryTest {
    private final ClassLoader loader = getClass().getClassLoader();

    private static Config config(String... keysAndValues) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.model", "sim-1"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    /** The method a container would intercept; only its metadata is used. */
    @SuppressWarnings("unused")
    static final class TestService {
        String ask(String text) {
            return text;
        }
    }

    @Test
    void openTelemetryApi_isNotOnThisClassPath() {
        assertThat(TelemetryIntegration.openTelemetryPresent(loader)).isFalse();
    }

    @Test
    void withoutTheApi_noObserverIsCreated_andCallsRunUntraced() throws Exception {
        Config config = config();

        var observers = TelemetryIntegration.observers(config, null, loader);
        Tollgate tollgate = Tollgate.builder(config).observers(observers).executor(Runnable::run).build();
        Object answer = tollgate.capture().invoke(tollgate.callPoint("TestService.ask",
                TestService.class.getDeclaredMethod("ask", String.class), "", ""),
                () -> tollgate.chatClient().chat("hi"));

        assertThat(observers).isEmpty();
        assertThat(answer).isEqualTo("Simulated answer to: hi");
        assertThat(tollgate.captureFailures().count()).isZero();
    }

    @Test
    void telemetryTurnedOff_createsNoObserver() {
        assertThat(TelemetryIntegration.observers(config("tollgate.telemetry.enabled", "false"), null, loader))
                .isEmpty();
    }

    @Test
    void telemetryAskedForWithoutTheApi_failsNamingTheProperty() {
        assertThatThrownBy(() -> TelemetryIntegration.observers(config("tollgate.telemetry.enabled", "true"), null,
                loader))
                .isInstanceOf(TollgateConfigException.class)
                .hasMessageContaining("TOLLGATE-0040")
                .hasMessageContaining("'tollgate.telemetry.enabled'");
    }

    @Test
    void invalidEnabledValue_failsNamingTheProperty() {
        assertThatThrownBy(() -> TelemetryIntegration.observers(config("tollgate.telemetry.enabled", "sometimes"),
                null, loader))
                .isInstanceOf(TollgateConfigException.class)
                .hasMessageContaining("'tollgate.telemetry.enabled'")
                .hasMessageContaining("sometimes");
    }
}
