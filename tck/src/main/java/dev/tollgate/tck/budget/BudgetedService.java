package dev.tollgate.tck.budget;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Two calls to the simulated provider, each request estimated and billed at 0.000101 USD. */
@ApplicationScoped
public class BudgetedService {
    @Inject
    ChatClient llm;

    @LlmCall("budget.ask")
    public String ask() {
        return llm.chat(request()).text();
    }

    @LlmCall("budget.chat")
    public String chat() {
        return llm.chat(request()).text();
    }

    private static ChatRequest request() {
        return ChatRequest.builder().provider("sim").user("Hi").maxTokens(50).build();
    }
}
