package dev.tollgate.impl;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Builds a real MicroProfile Config (SmallRye) from properties given in the test, with no
 * discovered sources: neither the environment nor the shipped price table leak into a test unless
 * it adds them. Expressions such as {@code ${OPENAI_API_KEY}} are expanded, as in a container.
 */
public final class TestConfig {
    /** The ordinal of the test's own properties, above every default source. */
    public static final int ORDINAL = 500;

    private final Map<String, String> properties = new LinkedHashMap<>();

    private TestConfig() {
    }

    /** @return an empty configuration to fill */
    public static TestConfig properties() {
        return new TestConfig();
    }

    /**
     * @param keysAndValues alternating property names and values
     * @return the configuration
     */
    public static Config of(String... keysAndValues) {
        TestConfig c = new TestConfig();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            c.set(keysAndValues[i], keysAndValues[i + 1]);
        }
        return c.build();
    }

    /**
     * @param name a property name
     * @param value its value
     * @return this
     */
    public TestConfig set(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /**
     * @param all properties to set
     * @return this
     */
    public TestConfig setAll(Map<String, String> all) {
        properties.putAll(all);
        return this;
    }

    /** @return the configuration of these properties only */
    public Config build() {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(Map.copyOf(properties), "test", ORDINAL))
                .build();
    }

    /**
     * @param more further sources, such as the shipped price table
     * @return the configuration of these properties and the given sources
     */
    public Config buildWith(ConfigSource... more) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(Map.copyOf(properties), "test", ORDINAL))
                .withSources(more)
                .build();
    }
}
