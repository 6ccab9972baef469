package dev.tollgate.sample;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.LlmCall;
import dev.tollgate.api.Target;
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
     * @param target the provider and model to ask, or {@code null} for the configured default
     * @return the model's answer, with usage and cost
     */
    @LlmCall("advice")
    public ChatResponse advise(String question, Target target) {
        return llm.chat(request(question, target));
    }

    /**
     * Streams the answer from the provider, as a chat UI would show it word by word, and returns it
     * whole; captured under the name "advice.stream".
     *
     * @param question the user's question
     * @param target the provider and model to ask, or {@code null} for the configured default
     * @return the model's answer, with usage and cost
     */
    @LlmCall("advice.stream")
    public ChatResponse adviseStreaming(String question, Target target) {
        try (ChatStream stream = llm.stream(request(question, target))) {
            stream.forEach(chunk -> { });
            return stream.response().toCompletableFuture().join();
        }
    }

    private static ChatRequest request(String question, Target target) {
        ChatRequest.Builder b = ChatRequest.builder().system(INSTRUCTIONS).user(question).maxTokens(300);
        return target == null ? b.build() : b.target(target).build();
    }
}
