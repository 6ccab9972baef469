package dev.tollgate.sample.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, checks and revokes gateway keys. A key is {@value #SECRET_PREFIX} and 32 random bytes
 * in URL-safe Base64; only its SHA-256 and its first {@value #SHOWN} characters are stored.
 *
 * <p>A key found once is kept in memory, as its budget is, so requests do not query the database;
 * revoking it here forgets it at once. Another server sharing the database keeps a key it has
 * seen until it restarts.
 */
@ApplicationScoped
public class GatewayKeys {
    /** The budget whose allowances are the keys' own budgets ({@code tollgate.budgets.gateway-keys.*}). */
    public static final String BUDGET = "gateway-keys";
    /** How every key begins. */
    public static final String SECRET_PREFIX = "tg-";
    private static final int SHOWN = 10;
    private static final int RANDOM_BYTES = 32;

    private final KeyRepository repository;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, BigDecimal> budgets = new ConcurrentHashMap<>();
    private final Map<String, GatewayKey> byHash = new ConcurrentHashMap<>();

    /** For CDI's proxy. */
    protected GatewayKeys() {
        this.repository = null;
        this.clock = null;
        this.random = null;
    }

    /**
     * @param repository where the keys are kept
     */
    @Inject
    public GatewayKeys(KeyRepository repository) {
        this(repository, Clock.systemUTC(), new SecureRandom());
    }

    GatewayKeys(KeyRepository repository, Clock clock, SecureRandom random) {
        this.repository = repository;
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param name what the key is for
     * @param budget what its requests may cost a month, above zero
     * @param rpm the requests it may make a minute, at least 1
     * @return the new key with its secret, which is not kept
     * @throws IllegalArgumentException if a value is out of range
     */
    public IssuedKey create(String name, BigDecimal budget, int rpm) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        if (budget == null || budget.signum() <= 0) {
            throw new IllegalArgumentException("budget must be above zero");
        }
        if (rpm < 1) {
            throw new IllegalArgumentException("rpm must be at least 1");
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        GatewayKey key = new GatewayKey("key_" + HexFormat.of().formatHex(idBytes), name.strip(), hash(secret),
                secret.substring(0, SHOWN), budget, rpm, clock.instant());
        repository.add(key);
        budgets.put(key.id(), budget);
        return new IssuedKey(secret, key);
    }

    /**
     * @param secret a key as presented by a client
     * @return the key, if it exists and is not revoked
     */
    public Optional<GatewayKey> authenticate(String secret) {
        Objects.requireNonNull(secret, "secret");
        String hash = hash(secret);
        GatewayKey known = byHash.get(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<GatewayKey> found = repository.byHash(hash).filter(k -> k.revoked().isEmpty());
        found.ifPresent(k -> {
            byHash.put(hash, k);
            if (BigDecimal.ZERO.equals(budgets.get(k.id()))) {
                byHash.remove(hash);
            }
        });
        return found;
    }

    /** @return every key, oldest first */
    public List<GatewayKey> list() {
        return repository.all();
    }

    /**
     * @param id a key id
     * @return whether a key of that id was revoked now
     */
    public boolean revoke(String id) {
        boolean revoked = repository.revoke(id, clock.instant());
        budgets.put(id, BigDecimal.ZERO);
        byHash.values().removeIf(k -> k.id().equals(id));
        return revoked;
    }

    /**
     * The limit of a key's allowance of {@link #BUDGET}: its budget, or zero (refusing every
     * request) for a revoked or unknown key.
     *
     * @param id a key id
     * @return its limit
     */
    public BigDecimal budget(String id) {
        return budgets.computeIfAbsent(id, i -> repository.byId(i)
                .filter(k -> k.revoked().isEmpty())
                .map(GatewayKey::budget)
                .orElse(BigDecimal.ZERO));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
