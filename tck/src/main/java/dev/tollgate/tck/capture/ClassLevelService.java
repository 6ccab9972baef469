package dev.tollgate.tck.capture;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link LlmCall} on the class applies to every business method; a method annotation wins. */
@ApplicationScoped
@LlmCall(provider = "sim")
public class ClassLevelService {
    @Inject
    ChatClient llm;

    public String first(String question) {
        return llm.chat(question);
    }

    @LlmCall(value = "classLevel.named", provider = "openai")
    public String second(String question) {
        return llm.chat(question);
    }
}
