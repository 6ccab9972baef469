package dev.tollgate.impl.pricing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The last segment of a price key, {@code tollgate.pricing.<provider>.<model>.<field>}. */
enum PriceField {
    INPUT("input"),
    OUTPUT("output"),
    CACHED_INPUT("cached-input"),
    CACHE_WRITE("cache-write"),
    CACHE_WRITE_1H("cache-write-1h"),
    REASONING("reasoning");

    private final String key;

    PriceField(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static Optional<PriceField> of(String key) {
        for (PriceField f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(PriceField::key).toList();
    }
}
