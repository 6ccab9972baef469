package dev.tollgate.impl.provider;

import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.config.ProviderProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The configured providers by id, and the default one. Built once from configuration; every
 * problem found is reported, not only the first.
 */
public final class ProviderRegistry {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final Map<String, ConfiguredProvider> byId;
    private final String defaultId;
    private final List<ProviderProperties> properties;

    private ProviderRegistry(Map<String, ConfiguredProvider> byId, String defaultId,
            List<ProviderProperties> properties) {
        this.byId = Collections.unmodifiableMap(byId);
        this.defaultId = defaultId;
        this.properties = List.copyOf(properties);
    }

    /**
     * Creates a client for every provider under {@code tollgate.providers.<id>.type}.
     *
     * @param reader the configuration
     * @param adapters the adapters by type
     * @param services finds the application's integrations for the adapters
     * @return the registry; check the reader's problems before using it
     */
    public static ProviderRegistry build(ConfigReader reader, AdapterCatalog adapters, ServiceLookup services) {
        ConfigProblems problems = reader.problems();
        Map<String, ConfiguredProvider> byId = new LinkedHashMap<>();
        List<ProviderProperties> allProperties = new ArrayList<>();
        Set<String> ids = providerIds(reader.config().getPropertyNames());
        for (String id : ids) {
            if (!ID.matcher(id).matches()) {
                problems.add(Messages.providerIdInvalid(id));
                continue;
            }
            String typeProperty = ConfigKeys.providerProperty(id, ConfigKeys.TYPE);
            Optional<String> type = reader.string(typeProperty);
            if (type.isEmpty()) {
                problems.add(Messages.typeMissing(id));
                continue;
            }
            Optional<ProviderAdapter> adapter = adapters.find(type.get());
            if (adapter.isEmpty()) {
                problems.add(Messages.typeUnknown(typeProperty, type.get(), adapters.types()));
                continue;
            }
            ProviderProperties props = new ProviderProperties(id, type.get(), reader, services);
            allProperties.add(props);
            try {
                var client = adapter.get().create(props);
                String model = props.property(ConfigKeys.MODEL).or(client::defaultModel).orElse(null);
                byId.put(id, new ConfiguredProvider(id, type.get(), model, client));
            } catch (NoSuchElementException | IllegalArgumentException | IllegalStateException e) {
                problems.add(e.getMessage() != null && e.getMessage().startsWith("TOLLGATE-")
                        ? e.getMessage()
                        : Messages.providerRejected(id, String.valueOf(e.getMessage())));
            }
        }
        String defaultId = reader.string(ConfigKeys.PROVIDER).orElse(null);
        if (defaultId != null && !ids.contains(defaultId)) {
            problems.add(Messages.defaultProviderUnknown(defaultId, byId.keySet()));
        }
        if (defaultId == null && byId.size() == 1) {
            defaultId = byId.keySet().iterator().next();
        }
        return new ProviderRegistry(byId, defaultId, allProperties);
    }

    private static Set<String> providerIds(Iterable<String> propertyNames) {
        Set<String> ids = new TreeSet<>();
        for (String name : propertyNames) {
            if (name.startsWith(ConfigKeys.PROVIDERS_PREFIX)) {
                String rest = name.substring(ConfigKeys.PROVIDERS_PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    ids.add(rest.substring(0, dot));
                }
            }
        }
        return ids;
    }

    /**
     * @param id a provider id
     * @return the provider, if configured
     */
    public Optional<ConfiguredProvider> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return the default provider's id, if there is one */
    public Optional<String> defaultId() {
        return Optional.ofNullable(defaultId);
    }

    /** @return the configured provider ids, in configuration order */
    public Set<String> ids() {
        return byId.keySet();
    }

    /** @return the properties of every provider, for reporting unused keys */
    public List<ProviderProperties> properties() {
        return properties;
    }
}
