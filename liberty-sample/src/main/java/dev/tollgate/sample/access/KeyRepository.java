package dev.tollgate.sample.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where gateway keys are kept. */
public interface KeyRepository {

    /** @param key a new key to keep */
    void add(GatewayKey key);

    /**
     * @param hash the hex SHA-256 of a key
     * @return the key with that hash, revoked or not
     */
    Optional<GatewayKey> byHash(String hash);

    /**
     * @param id a key id
     * @return that key, revoked or not
     */
    Optional<GatewayKey> byId(String id);

    /** @return every key, oldest first */
    List<GatewayKey> all();

    /**
     * @param id a key id
     * @param at when it is revoked
     * @return whether a key of that id was not yet revoked
     */
    boolean revoke(String id, Instant at);
}
