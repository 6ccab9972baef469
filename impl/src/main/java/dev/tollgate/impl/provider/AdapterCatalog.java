package dev.tollgate.impl.provider;

import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.impl.Messages;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link ProviderAdapter}s on the class path, by type. */
public final class AdapterCatalog {
    private final Map<String, ProviderAdapter> byType;

    private AdapterCatalog(Map<String, ProviderAdapter> byType) {
        this.byType = Collections.unmodifiableMap(byType);
    }

    /**
     * Finds the adapters with {@link ServiceLoader}.
     *
     * @param classLoader where to look
     * @return the catalog
     * @throws IllegalStateException if two adapters claim the same type
     */
    public static AdapterCatalog load(ClassLoader classLoader) {
        Map<String, ProviderAdapter> byType = new TreeMap<>();
        for (ProviderAdapter adapter : ServiceLoader.load(ProviderAdapter.class, classLoader)) {
            ProviderAdapter previous = byType.putIfAbsent(adapter.type(), adapter);
            if (previous != null && previous.getClass() != adapter.getClass()) {
                throw new IllegalStateException(Messages.typeClaimedTwice(adapter.type(),
                        previous.getClass().getName(), adapter.getClass().getName()));
            }
        }
        return new AdapterCatalog(byType);
    }

    /**
     * @param type a provider type
     * @return its adapter, if any
     */
    public Optional<ProviderAdapter> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** @return the known types, sorted */
    public java.util.Set<String> types() {
        return byType.keySet();
    }
}
