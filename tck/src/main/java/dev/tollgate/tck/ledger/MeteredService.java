package dev.tollgate.tck.ledger;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Calls that the ledger counts: answered, refused, on two providers, and outside any call. */
@ApplicationScoped
public class MeteredService {
    @Inject
    ChatClient llm;

    @LlmCall("ledger.ask")
    public String ask(String question) {
        return llm.chat(question);
    }

    @LlmCall("ledger.limited")
    public String askRateLimited() {
        return llm.chat(ChatRequest.builder().user("hi").model("tck-rate-limited").build()).text();
    }

    @LlmCall(value = "ledger.simulated", provider = "sim")
    public String askSimulated(String question) {
        return llm.chat(question);
    }

    public String askUncaptured(String question) {
        return llm.chat(question);
    }
}
