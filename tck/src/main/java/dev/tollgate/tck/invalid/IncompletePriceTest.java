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

/** A price with an input but no output price. */
@ExtendWith(ArquillianExtension.class)
public class IncompletePriceTest {

    @Deployment
    @ShouldThrowException(DeploymentException.class)
    public static WebArchive deployment() {
        return TckDeployments.war("invalid-price", TckConfig.standard().set("tollgate.pricing.openai.half-priced.input", "1"), IncompletePriceTest.class);
    }

    @Test
    public void deploymentFails() {
        // The assertion is @ShouldThrowException: Arquillian fails this test if the deployment succeeds.
    }
}
