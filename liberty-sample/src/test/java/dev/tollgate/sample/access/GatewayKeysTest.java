package dev.tollgate.sample.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GatewayKeysTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final TestKeyRepository repository = new TestKeyRepository();
    private final GatewayKeys keys = new GatewayKeys(repository, Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());

    @Test
    void aNewKey_isStoredAsItsHashAndPrefix_never_itself() {
        IssuedKey issued = keys.create("team-a", new BigDecimal("5.00"), 60);

        String secret = issued.secret();
        GatewayKey stored = repository.keys.get(issued.key().id());
        assertTrue(secret.startsWith("tg-") && secret.length() == 46, secret);
        assertEquals(GatewayKeys.hash(secret), stored.hash());
        assertEquals(64, stored.hash().length());
        assertEquals(secret.substring(0, 10), stored.prefix());
        assertEquals(NOW, stored.created());
        assertFalse(stored.toString().contains(secret));
        assertFalse(issued.toString().contains(secret));
    }

    @Test
    void twoKeys_differ() {
        IssuedKey a = keys.create("a", BigDecimal.ONE, 1);
        IssuedKey b = keys.create("b", BigDecimal.ONE, 1);

        assertNotEquals(a.secret(), b.secret());
        assertNotEquals(a.key().id(), b.key().id());
    }

    @Test
    void aKey_authenticatesUntilRevoked() {
        IssuedKey issued = keys.create("team-a", new BigDecimal("5.00"), 60);

        assertEquals(issued.key().id(), keys.authenticate(issued.secret()).orElseThrow().id());
        assertTrue(keys.authenticate(issued.secret() + "x").isEmpty());

        assertTrue(keys.revoke(issued.key().id()));
        assertTrue(keys.authenticate(issued.secret()).isEmpty());
        assertFalse(keys.revoke(issued.key().id()), "already revoked");
    }

    @Test
    void aKeyFoundOnce_isNotLookedUpAgain_untilRevoked() {
        IssuedKey issued = keys.create("team-a", new BigDecimal("5.00"), 60);

        keys.authenticate(issued.secret());
        keys.authenticate(issued.secret());
        assertEquals(1, repository.lookups);

        keys.revoke(issued.key().id());
        assertTrue(keys.authenticate(issued.secret()).isEmpty());
        assertEquals(2, repository.lookups, "a revoked key is looked up again, and refused");
    }

    @Test
    void theBudgetLimit_isTheKeysOwn_andZeroOnceRevokedOrUnknown() {
        IssuedKey issued = keys.create("team-a", new BigDecimal("5.00"), 60);
        GatewayKeys restarted = new GatewayKeys(repository, Clock.systemUTC(), new SecureRandom());

        assertEquals(new BigDecimal("5.00"), keys.budget(issued.key().id()));
        assertEquals(new BigDecimal("5.00"), restarted.budget(issued.key().id()), "read from the repository");
        keys.revoke(issued.key().id());
        assertEquals(BigDecimal.ZERO, keys.budget(issued.key().id()));
        assertEquals(BigDecimal.ZERO, keys.budget("key_unknown"));
    }

    @Test
    void aKeyWithoutNameBudgetOrRate_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> keys.create(" ", BigDecimal.ONE, 1));
        assertThrows(IllegalArgumentException.class, () -> keys.create("a", BigDecimal.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> keys.create("a", BigDecimal.ONE, 0));
        assertTrue(repository.keys.isEmpty());
    }
}
