package dev.tollgate.tck.invalid;

import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fallback target naming a provider that is not configured is a definition error. */
@ExtendWith(ArquillianExtension.class)
public class FallbackUnknownTargetTest {

    @Deployment
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return TckDeployments.war("invalid-fallback-unknowntarget", TckConfig.standard(),
                FallbackUnknownTargetTest.class, FallbackUnknownTargetService.class);
    }

    @Test
    public void deploymentFails() {
        // The assertion is @ShouldThrowException: Arquillian fails this test if the deployment succeeds.
    }
}
