package dev.tollgate.impl.health;

import dev.tollgate.api.ProviderHealth;
import dev.tollgate.api.ProviderStatus;
import dev.tollgate.impl.config.ProviderProperties;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The health of every configured provider: one {@link ProviderTracker} per provider id, built
 * once from configuration. It is the {@link ProviderHealth} applications inject.
 */
public final class ProviderHealthRegistry implements ProviderHealth {
    private final Map<String, ProviderTracker> trackers;

    private ProviderHealthRegistry(Map<String, ProviderTracker> trackers) {
        this.trackers = Collections.unmodifiableMap(trackers);
    }

    /**
     * Reads the circuit properties of every provider, through its properties so that none is
     * reported as unused. An invalid value is reported to that provider's
     * {@linkplain ProviderProperties#reader() reader} problems, and its default is used.
     *
     * @param providers the properties of every configured provider
     * @param clock the clock of the circuits' delays
     * @return the registry; check the problems before using it
     */
    public static ProviderHealthRegistry read(Collection<ProviderProperties> providers, Clock clock) {
        Map<String, CircuitSettings> settings = new TreeMap<>();
        for (ProviderProperties p : providers) {
            settings.put(p.id(), CircuitSettings.read(p));
        }
        return of(settings, clock);
    }

    /**
     * @param settings the circuit settings by provider id
     * @param clock the clock of the circuits' delays
     * @return a registry of these providers, all closed and without outcomes
     */
    public static ProviderHealthRegistry of(Map<String, CircuitSettings> settings, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Map<String, ProviderTracker> trackers = new TreeMap<>();
        settings.forEach((id, s) -> trackers.put(id, new ProviderTracker(id, s, clock)));
        return new ProviderHealthRegistry(trackers);
    }

    /**
     * @param providerId a provider id
     * @return its tracker, or empty if no such provider is configured
     */
    public Optional<ProviderTracker> tracker(String providerId) {
        return Optional.ofNullable(trackers.get(providerId));
    }

    @Override
    public Optional<ProviderStatus> status(String providerId) {
        return tracker(providerId).map(ProviderTracker::status);
    }

    @Override
    public List<ProviderStatus> statuses() {
        return trackers.values().stream().map(ProviderTracker::status).toList();
    }

    @Override
    public String toString() {
        return "ProviderHealthRegistry" + trackers.values();
    }
}
