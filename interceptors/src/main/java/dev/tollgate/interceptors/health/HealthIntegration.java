package dev.tollgate.interceptors.health;

import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

/**
 * Registers the {@link TollgateReadinessCheck} when the MicroProfile Health API can be loaded.
 * Kept apart from the extension so that no class referring to the Health API is loaded where it
 * is absent.
 */
public final class HealthIntegration {
    private static final String HEALTH_CHECK = "org.eclipse.microprofile.health.HealthCheck";

    private HealthIntegration() {
    }

    /**
     * Adds the readiness check to the deployment's beans, if the MicroProfile Health API is
     * visible to Tollgate's classes.
     *
     * @param bbd the event before bean discovery
     * @return whether the check was registered
     */
    public static boolean register(BeforeBeanDiscovery bbd) {
        if (!healthApiPresent(HealthIntegration.class.getClassLoader())) {
            return false;
        }
        bbd.addAnnotatedType(TollgateReadinessCheck.class, TollgateReadinessCheck.class.getName());
        return true;
    }

    static boolean healthApiPresent(ClassLoader loader) {
        try {
            Class.forName(HEALTH_CHECK, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
