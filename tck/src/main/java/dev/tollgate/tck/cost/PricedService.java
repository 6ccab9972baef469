package dev.tollgate.tck.cost;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Asks a given model, so tests can pick the fixture and its price. */
@ApplicationScoped
public class PricedService {
    @Inject
    ChatClient llm;

    @LlmCall
    public ChatResponse ask(String model) {
        return llm.chat(ChatRequest.builder().user("How much?").model(model).build());
    }
}
