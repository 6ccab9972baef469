package dev.tollgate.tck.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
public class SimulatedProviderTest {

    @Deployment
    public static WebArchive deployment() {
        TckConfig config = TckConfig.empty()
                .set("tollgate.provider", "sim")
                .set("tollgate.providers.sim.type", "simulated")
                .set("tollgate.providers.sim.reply", "Echo ({model}): {prompt}")
                .set("tollgate.providers.sim.input-tokens", "1000")
                .set("tollgate.providers.sim.output-tokens", "500")
                .set("tollgate.providers.broken.type", "simulated")
                .set("tollgate.providers.broken.failure-rate", "1")
                .set("tollgate.providers.broken.failure-category", "overloaded")
                .set("tollgate.pricing.simulated.simulated-1.input", "0.15")
                .set("tollgate.pricing.simulated.simulated-1.output", "0.60");
        return TckDeployments.war("provider-simulated", config, SimulatedProviderTest.class);
    }

    @Inject
    ChatClient llm;

    @Test
    public void defaultProvider_answersFromItsTemplateWithFixedUsage_pricedByType() {
        ChatResponse response = llm.chat(ChatRequest.of("ping"));

        assertEquals("Echo (simulated-1): ping", response.text());
        assertEquals("sim", response.provider());
        assertEquals(1000, response.usage().inputTokens());
        assertEquals(500, response.usage().outputTokens());
        // 1000 × 0.15 / 1M + 500 × 0.60 / 1M
        assertEquals(0, new BigDecimal("0.00045").compareTo(response.cost().total()), response.cost().toString());
    }

    @Test
    public void failureRateOne_alwaysFailsWithTheConfiguredCategory() {
        LlmException e = assertThrows(LlmException.class,
                () -> llm.chat(ChatRequest.builder().user("x").provider("broken").build()));

        assertEquals(ErrorCategory.OVERLOADED, e.category());
        assertInstanceOf(TransientLlmException.class, e);
        assertEquals("broken", e.provider().orElseThrow());
    }

    @Test
    public void requestNamingAnUnknownProvider_isAnInvalidRequest() {
        LlmException e = assertThrows(LlmException.class,
                () -> llm.chat(ChatRequest.builder().user("x").provider("nowhere").build()));

        assertEquals(ErrorCategory.INVALID_REQUEST, e.category());
    }
}
