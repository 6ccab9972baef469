package dev.tollgate.tck.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import dev.tollgate.tck.TckStub;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code seed} sent to Anthropic, which has none: refused before sending, or dropped where the
 * provider is configured to drop; the Anthropic kit's stub answers only the exact plain request, so
 * an answer proves the rest of the request went out unchanged.
 */
@ExtendWith(ArquillianExtension.class)
public class StrictOptionsTest {

    @Deployment
    public static WebArchive deployment() {
        TckConfig config = TckConfig.standard();
        for (String id : new String[] {"claude", "lenient"}) {
            config.set("tollgate.providers." + id + ".type", "anthropic")
                    .set("tollgate.providers." + id + ".base-url", TckStub.baseUrl() + "/anthropic")
                    .set("tollgate.providers." + id + ".api-key", "tck-secret-key")
                    .set("tollgate.providers." + id + ".model", "tck-plain");
        }
        config.set("tollgate.providers.lenient.unsupported-options", "drop");
        return TckDeployments.war("strict-options", config, StrictOptionsTest.class);
    }

    @Inject
    ChatClient llm;

    private static ChatRequest seeded(String provider) {
        return ChatRequest.builder().provider(provider).user("Hi").temperature(0.2).maxTokens(50).seed(7L).build();
    }

    @Test
    public void optionTheProviderCannotHonour_isRefusedBeforeAnythingIsSent() {
        LlmException e = assertThrows(LlmException.class, () -> llm.chat(seeded("claude")));

        assertEquals(ErrorCategory.INVALID_REQUEST, e.category());
        assertTrue(e.getMessage().contains("seed") && e.getMessage().contains("'claude'"), e.getMessage());
    }

    @Test
    public void droppingProvider_sendsTheRestOfTheRequest() {
        assertEquals("Hello from the stub.", llm.chat(seeded("lenient")).text());
    }
}
