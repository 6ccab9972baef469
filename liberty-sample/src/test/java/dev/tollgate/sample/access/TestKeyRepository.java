package dev.tollgate.sample.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps keys in a map, as the database would. */
final class TestKeyRepository implements KeyRepository {
    final Map<String, GatewayKey> keys = new LinkedHashMap<>();
    int lookups;

    @Override
    public void add(GatewayKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public Optional<GatewayKey> byHash(String hash) {
        lookups++;
        return keys.values().stream().filter(k -> k.hash().equals(hash)).findFirst();
    }

    @Override
    public Optional<GatewayKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public List<GatewayKey> all() {
        return new ArrayList<>(keys.values());
    }

    @Override
    public boolean revoke(String id, Instant at) {
        GatewayKey key = keys.get(id);
        if (key == null || key.revoked().isPresent()) {
            return false;
        }
        key.revoke(at);
        return true;
    }
}
