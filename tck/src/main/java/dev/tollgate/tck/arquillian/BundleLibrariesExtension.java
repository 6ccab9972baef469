package dev.tollgate.tck.arquillian;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Adds {@link BundleLibraries} when the system property {@value BundleLibraries#PROPERTY} is
 * {@code true}.
 */
public class BundleLibrariesExtension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
        if (Boolean.getBoolean(BundleLibraries.PROPERTY)) {
            builder.service(ApplicationArchiveProcessor.class, BundleLibraries.class);
        }
    }
}
