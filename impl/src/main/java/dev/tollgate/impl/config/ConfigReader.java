package dev.tollgate.impl.config;

import dev.tollgate.impl.Messages;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Typed reads of single properties. A value that does not parse is reported to the
 * {@link ConfigProblems} with the property's name, and the default is used so reading goes on.
 */
public final class ConfigReader {
    private final Config config;
    private final ConfigProblems problems;

    /**
     * @param config the application's configuration
     * @param problems where to report invalid values
     */
    public ConfigReader(Config config, ConfigProblems problems) {
        this.config = config;
        this.problems = problems;
    }

    /** @return the configuration read from */
    public Config config() {
        return config;
    }

    /** @return where problems are reported */
    public ConfigProblems problems() {
        return problems;
    }

    /**
     * @param name a property name
     * @return its value, if set and not blank
     */
    public Optional<String> string(String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * @param name a property name
     * @param defaultValue the value if unset
     * @return the value
     */
    public boolean bool(String name, boolean defaultValue) {
        return string(name).map(v -> {
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false")) {
                return false;
            }
            problems.add(Messages.propertyInvalid(name, v, "true or false"));
            return defaultValue;
        }).orElse(defaultValue);
    }

    /**
     * @param name a property name
     * @param defaultValue the value if unset
     * @return the value
     */
    public int integer(String name, int defaultValue) {
        return string(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                problems.add(Messages.propertyInvalid(name, v, "an integer"));
                return defaultValue;
            }
        }).orElse(defaultValue);
    }

    /**
     * @param name a property name
     * @param defaultValue the value if unset or invalid, at least 1
     * @return the value, at least 1; a smaller one is a configuration problem
     */
    public int atLeastOne(String name, int defaultValue) {
        int value = integer(name, defaultValue);
        if (value < 1) {
            problems.add(Messages.propertyInvalid(name, Integer.toString(value), "a whole number of at least 1"));
            return defaultValue;
        }
        return value;
    }

    /**
     * @param name a property name
     * @param defaultValue the value if unset or invalid, positive
     * @param expected what a valid value looks like, for the problem a zero duration is
     * @return the value, positive; zero is a configuration problem
     */
    public Duration positiveDuration(String name, Duration defaultValue, String expected) {
        Duration value = duration(name, defaultValue);
        if (value.isZero()) {
            problems.add(Messages.propertyInvalid(name, string(name).orElse(""), expected));
            return defaultValue;
        }
        return value;
    }

    /**
     * @param name a property name
     * @param defaultValue the value if unset
     * @return the value
     */
    public Duration duration(String name, Duration defaultValue) {
        return string(name).map(v -> {
            try {
                return Durations.parse(v);
            } catch (IllegalArgumentException e) {
                problems.add(Messages.propertyInvalid(name, v, Durations.FORMAT));
                return defaultValue;
            }
        }).orElse(defaultValue);
    }

    /**
     * @param name a property name
     * @return the value as a non-negative decimal, if set and valid
     */
    public Optional<BigDecimal> decimal(String name) {
        return string(name).flatMap(v -> {
            try {
                BigDecimal d = new BigDecimal(v);
                if (d.signum() >= 0) {
                    return Optional.of(d);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(Messages.propertyInvalid(name, v, "a non-negative decimal number"));
            return Optional.empty();
        });
    }
}
