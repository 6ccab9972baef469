package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderStatusTest {
    private static final Instant LATER = Instant.parse("2025-06-01T10:00:30Z");

    @Test
    void failures_leaveOutCategoriesWithoutFailures_andKeepTheCategoryOrder() {
        ProviderStatus status = ProviderStatus.builder("openai")
                .failures(ErrorCategory.TIMEOUT, 2)
                .failures(ErrorCategory.AUTHENTICATION, 1)
                .failures(ErrorCategory.NETWORK, 0)
                .build();

        assertThat(status.failures()).containsExactly(Map.entry(ErrorCategory.AUTHENTICATION, 1L),
                Map.entry(ErrorCategory.TIMEOUT, 2L));
        assertThat(status.failures(ErrorCategory.NETWORK)).isZero();
        assertThat(status.totalFailures()).isEqualTo(3);
    }

    @Test
    void halfOpensAt_isRequiredForAnOpenCircuit_andDroppedOtherwise() {
        assertThatThrownBy(() -> ProviderStatus.builder("openai").circuitState(CircuitState.OPEN).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("halfOpensAt");

        ProviderStatus open = ProviderStatus.builder("openai").circuitState(CircuitState.OPEN).halfOpensAt(LATER)
                .build();
        ProviderStatus closed = open.toBuilder().circuitState(CircuitState.CLOSED).build();

        assertThat(open.halfOpensAt()).contains(LATER);
        assertThat(closed.halfOpensAt()).isEmpty();
    }

    @Test
    void negativeCounts_areRefused() {
        assertThatThrownBy(() -> ProviderStatus.builder("openai").successes(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderStatus.builder("openai").failures(ErrorCategory.TIMEOUT, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilder_copiesEveryValue_soEqualStatusesAreEqual() {
        ProviderStatus status = ProviderStatus.builder("openai")
                .circuitState(CircuitState.OPEN).halfOpensAt(LATER)
                .successes(7).failures(ErrorCategory.SERVER_ERROR, 5).consecutiveFailures(5)
                .lastLatency(Duration.ofMillis(900)).meanLatency(Duration.ofMillis(400))
                .build();

        assertThat(status.toBuilder().build()).isEqualTo(status).hasSameHashCodeAs(status);
        assertThat(status.toBuilder().successes(8).build()).isNotEqualTo(status);
        assertThat(status.toString()).contains("openai", "OPEN", LATER.toString(), "successes=7", "SERVER_ERROR=5");
    }
}
