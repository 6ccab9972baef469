package dev.tollgate.sample.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A gateway key as stored: its hash, never the key itself.
 */
@Entity
@Table(name = "TG_GATEWAY_KEY")
@NamedQuery(name = GatewayKey.BY_HASH, query = "SELECT k FROM GatewayKey k WHERE k.hash = :hash")
@NamedQuery(name = GatewayKey.ALL, query = "SELECT k FROM GatewayKey k ORDER BY k.created")
public class GatewayKey {
    static final String BY_HASH = "GatewayKey.byHash";
    static final String ALL = "GatewayKey.all";

    @Id
    @Column(length = 40)
    private String id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, unique = true, length = 64)
    private String hash;

    @Column(nullable = false, length = 20)
    private String prefix;

    @Column(nullable = false, precision = 20, scale = 6)
    private BigDecimal budget;

    @Column(nullable = false)
    private int rpm;

    /** Epoch milliseconds: Jakarta Persistence 3.1 has no mapping of {@link Instant}. */
    @Column(nullable = false)
    private long created;

    private Long revoked;

    /** For JPA. */
    protected GatewayKey() {
    }

    GatewayKey(String id, String name, String hash, String prefix, BigDecimal budget, int rpm, Instant created) {
        this.id = id;
        this.name = name;
        this.hash = hash;
        this.prefix = prefix;
        this.budget = budget;
        this.rpm = rpm;
        this.created = created.toEpochMilli();
    }

    /** @return the key's id, its principal for budgets */
    public String id() {
        return id;
    }

    /** @return the name it was given */
    public String name() {
        return name;
    }

    /** @return the hex SHA-256 of the key */
    public String hash() {
        return hash;
    }

    /** @return the first characters of the key, to tell keys apart */
    public String prefix() {
        return prefix;
    }

    /** @return what its requests may cost a month */
    public BigDecimal budget() {
        return budget;
    }

    /** @return the requests it may make a minute */
    public int rpm() {
        return rpm;
    }

    /** @return when it was created */
    public Instant created() {
        return Instant.ofEpochMilli(created);
    }

    /** @return when it was revoked, if it was */
    public Optional<Instant> revoked() {
        return Optional.ofNullable(revoked).map(Instant::ofEpochMilli);
    }

    void revoke(Instant at) {
        this.revoked = at.toEpochMilli();
    }

    @Override
    public String toString() {
        return "GatewayKey[" + id + ", " + name + ", " + prefix + "…]";
    }
}
