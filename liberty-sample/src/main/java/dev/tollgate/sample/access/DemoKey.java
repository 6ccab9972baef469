package dev.tollgate.sample.access;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A key named {@value #NAME} created at each start, so the startup banner can show a request
 * that works; the demo key of the previous start is revoked. Off with {@code gateway.demo-key.enabled=false}.
 */
@ApplicationScoped
public class DemoKey {
    /** The name of the demo key. */
    public static final String NAME = "demo";
    private static final Logger LOG = Logger.getLogger(DemoKey.class.getName());

    @Inject
    GatewayKeys keys;

    @Inject
    @ConfigProperty(name = "gateway.demo-key.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "gateway.demo-key.budget", defaultValue = "1.00")
    BigDecimal budget;

    @Inject
    @ConfigProperty(name = "gateway.demo-key.rpm", defaultValue = "60")
    int rpm;

    private String secret;

    @PostConstruct
    void create() {
        if (!enabled) {
            return;
        }
        try {
            keys.list().stream()
                    .filter(k -> k.name().equals(NAME) && k.revoked().isEmpty())
                    .forEach(k -> keys.revoke(k.id()));
            secret = keys.create(NAME, budget, rpm).secret();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No demo key: the key store failed; create keys under /admin/keys once it is back", e);
        }
    }

    /** @return the demo key's secret, unless the demo key is disabled */
    public Optional<String> secret() {
        return Optional.ofNullable(secret);
    }
}
