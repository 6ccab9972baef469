package dev.tollgate.impl.config;

import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.provider.ServiceLookup;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The properties of one provider, {@code tollgate.providers.<id>.*}, as its adapter sees them.
 * Remembers which keys were read, so keys nobody reads can be reported as likely typos.
 */
public final class ProviderProperties implements ProviderContext {
    /** The timeout of a provider without {@code tollgate.providers.<id>.timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String id;
    private final String type;
    private final ConfigReader reader;
    private final Set<String> readKeys = ConcurrentHashMap.newKeySet();
    private final Duration timeout;
    private final ServiceLookup services;

    /**
     * @param id the provider id
     * @param type the provider type
     * @param reader reads the configuration and collects problems
     * @param services finds the application's integrations
     */
    public ProviderProperties(String id, String type, ConfigReader reader, ServiceLookup services) {
        this.id = id;
        this.type = type;
        this.reader = reader;
        this.services = services;
        readKeys.add(ConfigKeys.TYPE);
        readKeys.add(ConfigKeys.TIMEOUT);
        this.timeout = reader.duration(propertyName(ConfigKeys.TIMEOUT), DEFAULT_TIMEOUT);
    }

    @Override
    public <T> List<T> services(Class<T> contract) {
        return services.find(contract);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Optional<String> property(String key) {
        readKeys.add(key);
        return reader.string(propertyName(key));
    }

    @Override
    public String requiredProperty(String key) {
        return property(key).orElseThrow(() -> new NoSuchElementException(
                Messages.propertyMissing(propertyName(key), "provider '" + id + "' of type '" + type + "' needs it")));
    }

    @Override
    public String propertyName(String key) {
        return ConfigKeys.providerProperty(id, key);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    /** @return the reader, for typed reads of this provider's properties */
    public ConfigReader reader() {
        return reader;
    }

    /**
     * The keys of this provider that are set but were never read.
     *
     * @param propertyNames every property name of the configuration
     * @return the full names of the unread properties, sorted
     */
    public Set<String> unreadProperties(Iterable<String> propertyNames) {
        String prefix = ConfigKeys.PROVIDERS_PREFIX + id + ".";
        Set<String> unread = new TreeSet<>();
        for (String name : propertyNames) {
            if (name.startsWith(prefix) && !readKeys.contains(name.substring(prefix.length()))) {
                unread.add(name);
            }
        }
        return unread;
    }

    @Override
    public String toString() {
        return "ProviderProperties[" + id + ", type=" + type + "]";
    }
}
