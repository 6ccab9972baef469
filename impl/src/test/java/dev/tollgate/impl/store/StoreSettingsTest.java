package dev.tollgate.impl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.config.TollgateConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void settings_areReadFromConfiguration_withDefaultsForWhatIsUnset() {
        ConfigProblems problems = new ConfigProblems();

        StoreSettings settings = StoreSettings.read(new ConfigReader(TestConfig.of(
                "tollgate.store.queue-capacity", "500",
                "tollgate.store.retry-delay", "250ms"), problems));

        assertThat(problems.isEmpty()).isTrue();
        assertThat(settings).isEqualTo(new StoreSettings(500, 100, Duration.ofMillis(250), Duration.ofSeconds(5)));
    }

    @Test
    void invalidSettings_failTheEngineNamingEachProperty() {
        assertThatThrownBy(() -> Tollgate.builder(TestConfig.of(
                        "tollgate.providers.sim.type", "simulated",
                        "tollgate.store.queue-capacity", "0",
                        "tollgate.store.batch-size", "many",
                        "tollgate.store.retry-delay", "0s",
                        "tollgate.store.shutdown-timeout", "soon")).build())
                .isInstanceOf(TollgateConfigException.class)
                .hasMessageContaining("'tollgate.store.queue-capacity'")
                .hasMessageContaining("'tollgate.store.batch-size'")
                .hasMessageContaining("'tollgate.store.retry-delay'")
                .hasMessageContaining("'tollgate.store.shutdown-timeout'");
    }
}
