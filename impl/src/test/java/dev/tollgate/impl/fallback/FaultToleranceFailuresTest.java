package dev.tollgate.impl.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/** Fault Tolerance's refusals count as the provider failures they stand for; other failures as none. */
class FaultToleranceFailuresTest {

    @Test
    void faultToleranceRefusals_mapToTheirCategories() {
        assertThat(FallbackChain.categoryOf(new TimeoutException())).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(FallbackChain.categoryOf(new CircuitBreakerOpenException())).isEqualTo(ErrorCategory.OVERLOADED);
        assertThat(FallbackChain.categoryOf(new BulkheadException())).isEqualTo(ErrorCategory.OVERLOADED);
    }

    @Test
    void providerFailure_keepsItsCategory_andABusinessFailureHasNone() {
        assertThat(FallbackChain.categoryOf(LlmException.builder(ErrorCategory.QUOTA_EXCEEDED).build()))
                .isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
        assertThat(FallbackChain.categoryOf(new IllegalStateException("business"))).isNull();
    }
}
