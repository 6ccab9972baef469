package dev.tollgate.tck.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.PermanentLlmException;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
public class OpenAiProviderTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("provider-openai", TckConfig.standard(), OpenAiProviderTest.class);
    }

    @Inject
    ChatClient llm;

    @Test
    public void answer_carriesTextIdsFinishReasonAndProvider() {
        ChatResponse response = llm.chat(ChatRequest.builder()
                .system("Be brief.")
                .user("Hi")
                .assistant("Hello.")
                .user("Again")
                .temperature(0.2)
                .maxTokens(50)
                .build());

        assertEquals("Hello from the stub.", response.text());
        assertEquals(FinishReason.STOP, response.finishReason());
        assertEquals("openai", response.provider());
        assertEquals("tck-plain-2025-01-01", response.model());
        assertEquals("chatcmpl-tck-plain", response.responseId().orElseThrow());
        assertEquals("req_tck_plain", response.requestId().orElseThrow());
        assertTrue(response.latency().compareTo(Duration.ZERO) > 0);
    }

    @Test
    public void lengthLimitedAnswer_reportsLength() {
        ChatResponse response = llm.chat(ChatRequest.builder().user("Long").model("tck-length").build());

        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertEquals("length", response.rawFinishReason().orElseThrow());
    }

    @Test
    public void rateLimit_isTransientWithRetryAfter() {
        LlmException e = failure("tck-rate-limited");

        assertInstanceOf(TransientLlmException.class, e);
        assertEquals(ErrorCategory.RATE_LIMITED, e.category());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertEquals(429, e.httpStatus().getAsInt());
        assertEquals("rate_limit_exceeded", e.providerErrorCode().orElseThrow());
        assertEquals("req_tck_429", e.requestId().orElseThrow());
        assertEquals("openai", e.provider().orElseThrow());
        assertEquals("tck-rate-limited", e.model().orElseThrow());
    }

    @Test
    public void exhaustedQuota_isPermanent() {
        LlmException e = failure("tck-quota");

        assertInstanceOf(PermanentLlmException.class, e);
        assertEquals(ErrorCategory.QUOTA_EXCEEDED, e.category());
    }

    @Test
    public void errorStatuses_mapToTheirCategories() {
        assertEquals(ErrorCategory.AUTHENTICATION, failure("tck-auth").category());
        assertEquals(ErrorCategory.PERMISSION, failure("tck-permission").category());
        assertEquals(ErrorCategory.MODEL_NOT_FOUND, failure("tck-missing").category());
        assertEquals(ErrorCategory.CONTEXT_LENGTH_EXCEEDED, failure("tck-context").category());
        assertEquals(ErrorCategory.SERVER_ERROR, failure("tck-server-error").category());
        assertEquals(ErrorCategory.OVERLOADED, failure("tck-overloaded").category());
    }

    @Test
    public void proxyErrorPage_isAServerErrorThatSaysItIsNotJson() {
        LlmException e = failure("tck-proxy");

        assertEquals(ErrorCategory.SERVER_ERROR, e.category());
        assertEquals(502, e.httpStatus().getAsInt());
        assertTrue(e.providerMessage().orElseThrow().contains("non-JSON"), e.getMessage());
    }

    @Test
    public void malformedBody_isAnInvalidResponse() {
        assertEquals(ErrorCategory.INVALID_RESPONSE, failure("tck-malformed").category());
    }

    @Test
    public void apiKey_neverAppearsInTheFailure() {
        LlmException e = failure("tck-auth");

        assertFalse(e.getMessage().contains("tck-secret-key"), e.getMessage());
        assertFalse(e.toString().contains("tck-secret-key"));
    }

    private LlmException failure(String model) {
        return assertThrows(LlmException.class,
                () -> llm.chat(ChatRequest.builder().user("Fail").model(model).build()));
    }
}
