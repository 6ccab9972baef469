package dev.tollgate.impl.health;

import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.config.ProviderProperties;
import java.time.Duration;
import java.util.Objects;

/**
 * The circuit configuration of one provider, {@code tollgate.providers.<id>.circuit.*}.
 *
 * @param enabled whether the circuit opens at all
 * @param failureThreshold how many transient failures in a row open it; at least 1
 * @param delay how long it stays open before trial requests; positive
 * @param halfOpenTrials how many trial requests must succeed to close it; at least 1
 */
public record CircuitSettings(boolean enabled, int failureThreshold, Duration delay, int halfOpenTrials) {
    /** The settings of a provider without circuit properties. */
    public static final CircuitSettings DEFAULTS = new CircuitSettings(true, 5, Duration.ofSeconds(30), 1);

    private static final String POSITIVE = "a positive duration such as PT30S; set circuit.enabled=false to never "
            + "open the circuit";

    /**
     * Validates the values.
     *
     * @param enabled whether the circuit opens at all
     * @param failureThreshold at least 1
     * @param delay positive
     * @param halfOpenTrials at least 1
     */
    public CircuitSettings {
        Objects.requireNonNull(delay, "delay");
        if (failureThreshold < 1 || halfOpenTrials < 1 || delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("invalid circuit settings: threshold " + failureThreshold
                    + ", delay " + delay + ", trials " + halfOpenTrials);
        }
    }

    /**
     * Reads a provider's circuit properties. Each is read through the provider's properties, so
     * none is reported as unused; an invalid value is reported to the reader's problems with the
     * property's name, and its default is used.
     *
     * @param provider the provider's properties
     * @return the settings
     */
    public static CircuitSettings read(ProviderProperties provider) {
        ConfigReader reader = provider.reader();
        return new CircuitSettings(
                reader.bool(claim(provider, ConfigKeys.CIRCUIT_ENABLED), DEFAULTS.enabled()),
                reader.atLeastOne(claim(provider, ConfigKeys.CIRCUIT_FAILURE_THRESHOLD), DEFAULTS.failureThreshold()),
                reader.positiveDuration(claim(provider, ConfigKeys.CIRCUIT_DELAY), DEFAULTS.delay(), POSITIVE),
                reader.atLeastOne(claim(provider, ConfigKeys.CIRCUIT_HALF_OPEN_TRIALS), DEFAULTS.halfOpenTrials()));
    }

    /** Marks the key as read by the provider, so that TOLLGATE-0100 does not report it. */
    private static String claim(ProviderProperties provider, String key) {
        provider.property(key);
        return provider.propertyName(key);
    }
}
