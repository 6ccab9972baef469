package dev.tollgate.tck.wildfly;

import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link WildFlyDeploymentFailures} with the Arquillian client of this build's TCK runs,
 * in place of the WildFly adapter's own transformer (which hands every exception back unchanged)
 * where that adapter is on the class path.
 */
public final class TckArquillianExtension implements LoadableExtension {
    private static final String WILDFLY_TRANSFORMER = "org.jboss.as.arquillian.container.ExceptionTransformer";

    @Override
    public void register(ExtensionBuilder builder) {
        Class<? extends DeploymentExceptionTransformer> wildfly = wildflyTransformer();
        if (wildfly == null) {
            builder.service(DeploymentExceptionTransformer.class, WildFlyDeploymentFailures.class);
        } else {
            builder.override(DeploymentExceptionTransformer.class, wildfly, WildFlyDeploymentFailures.class);
        }
    }

    private static Class<? extends DeploymentExceptionTransformer> wildflyTransformer() {
        try {
            return Class.forName(WILDFLY_TRANSFORMER, false, TckArquillianExtension.class.getClassLoader())
                    .asSubclass(DeploymentExceptionTransformer.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
