package dev.tollgate.tck.telemetry;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.LlmCall;
import dev.tollgate.tck.capture.InnerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Calls whose traces the tests read. */
@ApplicationScoped
public class TracedService {
    @Inject
    ChatClient llm;

    @Inject
    InnerService inner;

    @LlmCall("traced.ask")
    public String ask(String question) {
        return llm.chat(ChatRequest.builder().user(question).temperature(0.3).maxTokens(64).build()).text();
    }

    @LlmCall("traced.refused")
    public String refused() {
        return llm.chat(ChatRequest.builder().user("hi").model("tck-rate-limited").build()).text();
    }

    @LlmCall("traced.outer")
    public String outer(String question) {
        return llm.chat(question) + " | " + inner.summarize(question);
    }

    @LlmCall(value = "traced.stream", provider = "sim")
    public String stream(String question) {
        StringBuilder text = new StringBuilder();
        try (ChatStream stream = llm.stream(ChatRequest.of(question))) {
            stream.forEach(chunk -> text.append(chunk.text()));
        }
        return text.toString();
    }

    @LlmCall("traced.metered")
    public String metered(String question) {
        return llm.chat(question);
    }
}
