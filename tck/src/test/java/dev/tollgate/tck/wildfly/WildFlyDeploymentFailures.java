package dev.tollgate.tck.wildfly;

import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;

/**
 * Turns a failed WildFly deployment back into the CDI {@link DeploymentException} that failed it,
 * so that {@code @ShouldThrowException(DeploymentException.class)} holds on WildFly as on Weld and
 * Open Liberty: the WildFly adapter reports the failure as text from the management model, where
 * the server's exception chain survives only as "Caused by: ..." lines.
 */
public final class WildFlyDeploymentFailures implements DeploymentExceptionTransformer {
    private static final String CAUSE = "Caused by: " + DeploymentException.class.getName() + ": ";

    @Override
    public Throwable transform(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            String message = t.getMessage();
            int at = message == null ? -1 : message.indexOf(CAUSE);
            if (at >= 0) {
                return new DeploymentException(message.substring(at + CAUSE.length()).strip(), exception);
            }
        }
        return null;
    }
}
