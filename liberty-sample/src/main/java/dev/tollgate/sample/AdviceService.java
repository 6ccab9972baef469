package dev.tollgate.sample;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Answers questions with the configured model; every call is captured under the name "advice". */
@ApplicationScoped
public class AdviceService {
    private static final String INSTRUCTIONS = "You are a concise assistant. Answer in at most three sentences.";

    @Inject
    ChatClient llm;

    /**
     * @param question the user's question
     * @return the model's answer, with usage and cost
     */
    @LlmCall("advice")
    public ChatResponse advise(String question) {
        return llm.chat(ChatRequest.builder().system(INSTRUCTIONS).user(question).maxTokens(300).build());
    }
}
