package dev.tollgate.impl.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The price table shipped with Tollgate, as a config source of ordinal {@value #ORDINAL}: below
 * every default source of MicroProfile Config, so any entry of the application's
 * {@code microprofile-config.properties}, environment or system properties overrides it.
 */
public final class DefaultPrices implements ConfigSource {
    /** The ordinal, below {@code microprofile-config.properties} (100). */
    public static final int ORDINAL = 10;
    /** The name of this source, as {@link org.eclipse.microprofile.config.ConfigValue#getSourceName()} reports it. */
    public static final String NAME = "TollgateDefaultPrices";

    private static final String RESOURCE = "default-prices.properties";

    private final Map<String, String> properties;

    /** Loads the shipped table. */
    public DefaultPrices() {
        Properties p = new Properties();
        try (InputStream in = DefaultPrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        p.stringPropertyNames().forEach(name -> map.put(name, p.getProperty(name)));
        this.properties = Collections.unmodifiableMap(map);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
