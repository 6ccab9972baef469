package dev.tollgate.impl.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the instances of an integration contract the application provides, for
 * {@link dev.tollgate.api.spi.ProviderContext#services(Class)}.
 */
@FunctionalInterface
public interface ServiceLookup {
    /**
     * @param <T> the contract
     * @param type the contract
     * @return its instances, in priority order
     */
    <T> List<T> find(Class<T> type);

    /**
     * @param classLoader where {@code META-INF/services} files are read
     * @return a lookup through {@link ServiceLoader}
     */
    static ServiceLookup serviceLoader(ClassLoader classLoader) {
        return new ServiceLookup() {
            @Override
            public <T> List<T> find(Class<T> type) {
                List<T> found = new ArrayList<>();
                ServiceLoader.load(type, classLoader).forEach(found::add);
                return found;
            }
        };
    }
}
