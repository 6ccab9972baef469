package dev.tollgate.tck.capture;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A service called from inside another {@link LlmCall} method. */
@ApplicationScoped
public class InnerService {
    @Inject
    ChatClient llm;

    @LlmCall(value = "inner.summarize", provider = "sim")
    public String summarize(String text) {
        return llm.chat(ChatRequest.of("Summarize: " + text)).text();
    }
}
