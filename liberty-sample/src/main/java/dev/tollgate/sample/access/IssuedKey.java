package dev.tollgate.sample.access;

/**
 * A key just created: the only time its secret is known.
 *
 * @param secret the key to hand to its user, {@code tg-…}
 * @param key the key as stored
 */
public record IssuedKey(String secret, GatewayKey key) {
    @Override
    public String toString() {
        return "IssuedKey[" + key + "]";
    }
}
