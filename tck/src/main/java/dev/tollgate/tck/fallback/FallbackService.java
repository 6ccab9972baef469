package dev.tollgate.tck.fallback;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.Fallback;
import dev.tollgate.api.LlmCall;
import dev.tollgate.api.TransientLlmException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** Methods with fallback chains, some also under MicroProfile Fault Tolerance. */
@ApplicationScoped
public class FallbackService {
    @Inject
    ChatClient llm;

    @LlmCall(value = "fallback.timeout", provider = "slow")
    @Fallback("sim")
    public String slowThenSimulated(String question) {
        return llm.chat(question);
    }

    @LlmCall(value = "fallback.permanent", provider = "denied")
    @Fallback("sim")
    public String deniedThenSimulated(String question) {
        return llm.chat(question);
    }

    @LlmCall(value = "fallback.context", provider = "small")
    @Fallback(contextFallback = "sim")
    public String tooSmallThenLarger(String question) {
        return llm.chat(question);
    }

    @LlmCall(value = "fallback.async", provider = "busy")
    @Fallback("sim")
    public CompletionStage<String> busyThenSimulatedLater(String question) {
        return llm.chatAsync(ChatRequest.of(question)).thenApply(ChatResponse::text);
    }

    @LlmCall(value = "fallback.stream", provider = "busy")
    @Fallback("sim")
    public ChatStream streamBusyThenSimulated(String question) {
        return llm.stream(ChatRequest.of(question));
    }

    @LlmCall(value = "fallback.configured", provider = "busy")
    @Fallback("denied")
    public String configuredChain(String question) {
        return llm.chat(question);
    }

    @LlmCall(value = "fallback.circuit", provider = "flaky")
    @Fallback("sim")
    public String flakyThenSimulated(String question) {
        return llm.chat(question);
    }

    @LlmCall(value = "fallback.ft-timeout", provider = "patient", model = "tck-slow")
    @Fallback("sim")
    @Timeout(500)
    public String cutByFaultToleranceThenSimulated(String question) {
        return llm.chat(question);
    }

    @LlmCall(value = "fallback.ft-handler", provider = "busy")
    @Fallback("sim")
    @org.eclipse.microprofile.faulttolerance.Fallback(fallbackMethod = "canned")
    public String handledInsideTheAttempt(String question) {
        return llm.chat(question);
    }

    /**
     * @param question the question
     * @return a fixed answer
     */
    public String canned(String question) {
        return "canned answer";
    }

    @LlmCall(value = "fallback.retry", provider = "openai", model = "tck-retry-after")
    @Retry(maxRetries = 3, delay = 0, jitter = 0, retryOn = TransientLlmException.class)
    public String retriedAfterRateLimits(String question) {
        return llm.chat(question);
    }

    @LlmCall(value = "fallback.retry-long", provider = "openai", model = "tck-retry-long")
    @Fallback("sim")
    @Retry(maxRetries = 2, delay = 0, jitter = 0, retryOn = TransientLlmException.class)
    public String retriedThenFallenBack(String question) {
        return llm.chat(question);
    }
}
