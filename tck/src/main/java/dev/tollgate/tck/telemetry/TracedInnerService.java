package dev.tollgate.tck.telemetry;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A call made inside another call. */
@ApplicationScoped
public class TracedInnerService {
    @Inject
    ChatClient llm;

    @LlmCall(value = "traced.inner", provider = "sim")
    public String summarize(String text) {
        return llm.chat(text);
    }
}
