package dev.tollgate.interceptors.health;

import dev.tollgate.api.CircuitState;
import dev.tollgate.api.ProviderHealth;
import dev.tollgate.api.ProviderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@value #NAME}: {@code DOWN} while the circuit of every configured provider
 * is open, since no request could then reach a provider; {@code UP} otherwise, and when no
 * provider is configured. Its data holds, per provider id, {@code <id>.state} (the circuit
 * state), {@code <id>.consecutive-failures}, and for an open circuit {@code <id>.half-opens-at}.
 */
@Readiness
@ApplicationScoped
public class TollgateReadinessCheck implements HealthCheck {
    /** The name of the check in health reports. */
    public static final String NAME = "tollgate";

    private ProviderHealth health;

    /** For the container's proxy. */
    protected TollgateReadinessCheck() {
    }

    /**
     * @param health the providers' health
     */
    @Inject
    public TollgateReadinessCheck(ProviderHealth health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        List<ProviderStatus> statuses = health.statuses();
        Map<String, Object> data = new LinkedHashMap<>();
        boolean anyAvailable = statuses.isEmpty();
        for (ProviderStatus s : statuses) {
            anyAvailable |= s.circuitState() != CircuitState.OPEN;
            data.put(s.provider() + ".state", s.circuitState().name());
            data.put(s.provider() + ".consecutive-failures", s.consecutiveFailures());
            s.halfOpensAt().ifPresent(at -> data.put(s.provider() + ".half-opens-at", at.toString()));
        }
        // The constructor, unlike HealthCheckResponse.named(), needs no HealthCheckResponseProvider,
        // so the check behaves the same in every MicroProfile Health implementation.
        return new HealthCheckResponse(NAME, anyAvailable ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }
}
