package dev.tollgate.interceptors.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.CircuitState;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.ProviderHealth;
import dev.tollgate.api.ProviderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class TollgateReadinessCheckTest {
    private static final Instant HALF_OPENS_AT = Instant.parse("2025-06-01T10:00:30Z");

    private static ProviderStatus open(String id, long failures) {
        return ProviderStatus.builder(id).circuitState(CircuitState.OPEN).halfOpensAt(HALF_OPENS_AT)
                .failures(ErrorCategory.SERVER_ERROR, failures).consecutiveFailures(failures).build();
    }

    private static ProviderStatus withState(String id, CircuitState state) {
        return ProviderStatus.builder(id).circuitState(state).build();
    }

    private static HealthCheckResponse check(ProviderStatus... statuses) {
        return new TollgateReadinessCheck(new TestProviderHealth(List.of(statuses))).call();
    }

    @Test
    void everyCircuitOpen_isDown_withTheStateOfEachProvider() {
        HealthCheckResponse response = check(open("anthropic", 7), open("openai", 5));

        assertThat(response.getName()).isEqualTo("tollgate");
        assertThat(response.getStatus()).isEqualTo(Status.DOWN);
        assertThat(response.getData()).contains(Map.of(
                "anthropic.state", "OPEN",
                "anthropic.consecutive-failures", 7L,
                "anthropic.half-opens-at", "2025-06-01T10:00:30Z",
                "openai.state", "OPEN",
                "openai.consecutive-failures", 5L,
                "openai.half-opens-at", "2025-06-01T10:00:30Z"));
    }

    @Test
    void oneProviderNotOpen_isUp() {
        assertThat(check(open("anthropic", 7), withState("openai", CircuitState.CLOSED)).getStatus())
                .isEqualTo(Status.UP);
        assertThat(check(open("anthropic", 7), withState("openai", CircuitState.HALF_OPEN)).getStatus())
                .isEqualTo(Status.UP);
    }

    @Test
    void closedProvider_reportsNoHalfOpenTime() {
        HealthCheckResponse response = check(withState("openai", CircuitState.CLOSED));

        assertThat(response.getData()).contains(Map.of("openai.state", "CLOSED", "openai.consecutive-failures", 0L));
    }

    @Test
    void noProviderConfigured_isUp() {
        HealthCheckResponse response = check();

        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData()).contains(Map.of());
    }

    @Test
    void healthApi_isFoundWhereItIsOnTheClassPath_andNotElsewhere() {
        assertThat(HealthIntegration.healthApiPresent(getClass().getClassLoader())).isTrue();
        assertThat(HealthIntegration.healthApiPresent(ClassLoader.getPlatformClassLoader())).isFalse();
    }

    private record TestProviderHealth(List<ProviderStatus> statuses) implements ProviderHealth {
        @Override
        public Optional<ProviderStatus> status(String providerId) {
            return statuses.stream().filter(s -> s.provider().equals(providerId)).findFirst();
        }
    }
}
