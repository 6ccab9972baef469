package dev.tollgate.impl.health;

import static dev.tollgate.api.ErrorCategory.AUTHENTICATION;
import static dev.tollgate.api.ErrorCategory.CANCELLED;
import static dev.tollgate.api.ErrorCategory.INVALID_REQUEST;
import static dev.tollgate.api.ErrorCategory.NETWORK;
import static dev.tollgate.api.ErrorCategory.OVERLOADED;
import static dev.tollgate.api.ErrorCategory.RATE_LIMITED;
import static dev.tollgate.api.ErrorCategory.SERVER_ERROR;
import static dev.tollgate.api.ErrorCategory.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.CircuitState;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ProviderStatus;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.impl.TestClock;
import dev.tollgate.impl.TestLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ProviderTrackerTest {
    private static final Instant START = Instant.parse("2025-06-01T10:00:00Z");
    private static final Duration MS_100 = Duration.ofMillis(100);

    private final TestClock clock = new TestClock(START);

    private ProviderTracker tracker(CircuitSettings settings) {
        return new ProviderTracker("openai", settings, clock);
    }

    private ProviderTracker withDefaults() {
        return tracker(CircuitSettings.DEFAULTS);
    }

    private static void fail(ProviderTracker tracker, int times, ErrorCategory category) {
        for (int i = 0; i < times; i++) {
            tracker.recordFailure(category, MS_100);
        }
    }

    @Test
    void newProvider_isClosed_withoutOutcomesOrLatency() {
        ProviderStatus status = withDefaults().status();

        assertThat(status.provider()).isEqualTo("openai");
        assertThat(status.circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(status.successes()).isZero();
        assertThat(status.failures()).isEmpty();
        assertThat(status.consecutiveFailures()).isZero();
        assertThat(status.lastLatency()).isEmpty();
        assertThat(status.meanLatency()).isEmpty();
        assertThat(status.halfOpensAt()).isEmpty();
    }

    @Test
    void outcomes_areCountedBySuccessAndFailureCategory() {
        ProviderTracker tracker = withDefaults();
        tracker.recordSuccess(MS_100);
        tracker.recordSuccess(MS_100);
        tracker.recordFailure(RATE_LIMITED, MS_100);
        tracker.recordFailure(INVALID_REQUEST, MS_100);
        tracker.recordFailure(RATE_LIMITED, MS_100);

        ProviderStatus status = tracker.status();
        assertThat(status.successes()).isEqualTo(2);
        assertThat(status.failures()).containsExactly(Map.entry(INVALID_REQUEST, 1L), Map.entry(RATE_LIMITED, 2L));
        assertThat(status.failures(RATE_LIMITED)).isEqualTo(2);
        assertThat(status.failures(TIMEOUT)).isZero();
        assertThat(status.totalFailures()).isEqualTo(3);
    }

    @Test
    void latency_keepsTheLastAndAWeightedMeanOfSuccessesAndFailures() {
        ProviderTracker tracker = withDefaults();
        tracker.recordSuccess(Duration.ofMillis(100));
        assertThat(tracker.status().meanLatency()).contains(Duration.ofMillis(100));

        tracker.recordFailure(TIMEOUT, Duration.ofMillis(600));
        tracker.recordSuccess(Duration.ofMillis(300));

        ProviderStatus status = tracker.status();
        assertThat(status.lastLatency()).contains(Duration.ofMillis(300));
        // 100 → 100 + (600 − 100) / 5 = 200 → 200 + (300 − 200) / 5 = 220
        assertThat(status.meanLatency()).contains(Duration.ofMillis(220));
    }

    @Test
    void closedCircuit_opensAtTheThresholdOfTransientFailuresInARow() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 4, SERVER_ERROR);

        assertThat(tracker.tryAcquire()).isTrue();
        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(tracker.status().consecutiveFailures()).isEqualTo(4);

        tracker.recordFailure(OVERLOADED, MS_100);

        assertThat(tracker.tryAcquire()).isFalse();
        ProviderStatus status = tracker.status();
        assertThat(status.circuitState()).isEqualTo(CircuitState.OPEN);
        assertThat(status.consecutiveFailures()).isEqualTo(5);
        assertThat(status.halfOpensAt()).contains(START.plusSeconds(30));
    }

    @Test
    void success_resetsTheFailuresInARow() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 4, NETWORK);
        tracker.recordSuccess(MS_100);
        fail(tracker, 4, NETWORK);

        assertThat(tracker.status().consecutiveFailures()).isEqualTo(4);
        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(tracker.tryAcquire()).isTrue();
    }

    @Test
    void permanentFailures_neitherCountTowardsOpeningNorReset() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 3, TIMEOUT);
        fail(tracker, 10, INVALID_REQUEST);
        fail(tracker, 10, AUTHENTICATION);
        fail(tracker, 1, CANCELLED);

        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(tracker.status().consecutiveFailures()).isEqualTo(3);

        fail(tracker, 2, TIMEOUT);

        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void openCircuit_refusesUntilTheDelay_thenLetsOneTrialThrough() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 5, SERVER_ERROR);

        clock.advance(Duration.ofSeconds(29));
        assertThat(tracker.tryAcquire()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(tracker.status().circuitState()).as("reported before any request").isEqualTo(CircuitState.HALF_OPEN);
        assertThat(tracker.status().halfOpensAt()).isEmpty();
        assertThat(tracker.tryAcquire()).as("the trial").isTrue();
        assertThat(tracker.tryAcquire()).as("while the trial runs").isFalse();
        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void availability_answersAsTryAcquireWould_withoutTakingATrialPlace() {
        ProviderTracker tracker = withDefaults();
        assertThat(tracker.isAvailable()).isTrue();
        fail(tracker, 5, SERVER_ERROR);
        assertThat(tracker.isAvailable()).isFalse();

        clock.advance(Duration.ofSeconds(30));
        assertThat(tracker.isAvailable()).isTrue();
        assertThat(tracker.isAvailable()).isTrue();
        assertThat(tracker.tryAcquire()).isTrue();
        assertThat(tracker.isAvailable()).as("the only trial place is taken").isFalse();
    }

    @Test
    void successfulTrial_closesTheCircuit() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 5, SERVER_ERROR);
        clock.advance(Duration.ofSeconds(30));
        assertThat(tracker.tryAcquire()).isTrue();

        tracker.recordSuccess(MS_100);

        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(tracker.status().consecutiveFailures()).isZero();
        assertThat(tracker.tryAcquire()).isTrue();
        assertThat(tracker.tryAcquire()).isTrue();
    }

    @Test
    void failedTrial_opensTheCircuitForAnotherDelay() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 5, SERVER_ERROR);
        clock.advance(Duration.ofSeconds(30));
        assertThat(tracker.tryAcquire()).isTrue();

        tracker.recordFailure(TIMEOUT, MS_100);

        ProviderStatus status = tracker.status();
        assertThat(status.circuitState()).isEqualTo(CircuitState.OPEN);
        assertThat(status.consecutiveFailures()).isEqualTo(6);
        assertThat(status.halfOpensAt()).contains(START.plusSeconds(60));
        assertThat(tracker.tryAcquire()).isFalse();
    }

    @Test
    void severalTrials_mustAllSucceedToClose_andAreTheOnlyRequestsLetThrough() {
        ProviderTracker tracker = tracker(new CircuitSettings(true, 2, Duration.ofSeconds(10), 3));
        fail(tracker, 2, RATE_LIMITED);
        clock.advance(Duration.ofSeconds(10));

        assertThat(List.of(tracker.tryAcquire(), tracker.tryAcquire(), tracker.tryAcquire(), tracker.tryAcquire()))
                .containsExactly(true, true, true, false);
        tracker.recordSuccess(MS_100);
        tracker.recordSuccess(MS_100);
        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(tracker.tryAcquire()).as("the third trial still runs").isFalse();

        tracker.recordSuccess(MS_100);

        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void permanentFailureOfATrial_freesItsPlaceForAnother() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 5, SERVER_ERROR);
        clock.advance(Duration.ofSeconds(30));
        assertThat(tracker.tryAcquire()).isTrue();

        tracker.recordFailure(INVALID_REQUEST, MS_100);

        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(tracker.tryAcquire()).isTrue();
        assertThat(tracker.tryAcquire()).isFalse();
    }

    @Test
    void trialWithoutOutcome_freesItsPlaceAfterTheDelay() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 5, SERVER_ERROR);
        clock.advance(Duration.ofSeconds(30));
        assertThat(tracker.tryAcquire()).isTrue();

        clock.advance(Duration.ofSeconds(29));
        assertThat(tracker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tracker.tryAcquire()).isTrue();
        assertThat(tracker.tryAcquire()).isFalse();
    }

    @Test
    void outcomesWhileOpen_areCountedButLeaveTheCircuitOpen() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 5, SERVER_ERROR);

        tracker.recordSuccess(MS_100);
        tracker.recordFailure(NETWORK, MS_100);

        ProviderStatus status = tracker.status();
        assertThat(status.circuitState()).isEqualTo(CircuitState.OPEN);
        assertThat(status.halfOpensAt()).contains(START.plusSeconds(30));
        assertThat(status.successes()).isEqualTo(1);
        assertThat(status.consecutiveFailures()).isEqualTo(6);
        assertThat(tracker.tryAcquire()).isFalse();
    }

    @Test
    void disabledCircuit_neverOpens_butCountsFailuresInARow() {
        ProviderTracker tracker = tracker(new CircuitSettings(false, 1, Duration.ofSeconds(30), 1));
        fail(tracker, 50, SERVER_ERROR);

        assertThat(tracker.tryAcquire()).isTrue();
        assertThat(tracker.status().circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(tracker.status().consecutiveFailures()).isEqualTo(50);
    }

    @Test
    void refusedRequest_failsAsTransientOverloadWithTheTimeLeft() {
        ProviderTracker tracker = withDefaults();
        fail(tracker, 5, SERVER_ERROR);
        clock.advance(Duration.ofSeconds(12));

        LlmException e = tracker.circuitOpen();

        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.category()).isEqualTo(OVERLOADED);
        assertThat(e.provider()).contains("openai");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(18));
        assertThat(e.getMessage()).contains("TOLLGATE-0123", "'openai'", START.plusSeconds(30).toString());
        assertThat(tracker.status().totalFailures()).as("a refusal is no outcome").isEqualTo(5);
    }

    @Test
    void transitions_areLoggedOnce_withTheirIds() {
        TestLogs logs = TestLogs.of(Circuit.class);
        try {
            ProviderTracker tracker = withDefaults();
            fail(tracker, 7, SERVER_ERROR);
            clock.advance(Duration.ofSeconds(30));
            tracker.tryAcquire();
            tracker.recordFailure(TIMEOUT, MS_100);
            clock.advance(Duration.ofSeconds(30));
            tracker.tryAcquire();
            tracker.recordSuccess(MS_100);
            tracker.recordSuccess(MS_100);
        } finally {
            logs.close();
        }

        assertThat(logs.records()).extracting(LogRecord::getLevel)
                .containsExactly(Level.WARNING, Level.WARNING, Level.INFO);
        assertThat(logs.records().get(0).getMessage()).startsWith("TOLLGATE-0120")
                .contains("'openai'", "5 transient", "SERVER_ERROR", "PT30S");
        assertThat(logs.records().get(1).getMessage()).startsWith("TOLLGATE-0121").contains("TIMEOUT");
        assertThat(logs.records().get(2).getMessage()).startsWith("TOLLGATE-0122").contains("'openai'");
    }
}
