package dev.tollgate.tck.capture;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Calls whose prompts are kept, or not, by annotation and by configuration. */
@ApplicationScoped
public class QuietService {
    @Inject
    ChatClient llm;

    @LlmCall(value = "switch.annotated", capture = false)
    public String askQuietly(String question) {
        return llm.chat(question);
    }

    @LlmCall("switch.configured")
    public String askConfiguredQuiet(String question) {
        return llm.chat(question);
    }

    @LlmCall(value = "switch.reenabled", capture = false)
    public String askConfiguredLoud(String question) {
        return llm.chat(question);
    }

    @LlmCall("switch.redacted")
    public String askRedacted(String question) {
        return llm.chat(question);
    }
}
