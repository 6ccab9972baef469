package dev.tollgate.tck.config;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Methods that pin their provider and model in different ways. */
@ApplicationScoped
public class RoutedService {
    @Inject
    ChatClient llm;

    @LlmCall
    public ChatResponse byDefault() {
        return llm.chat(ChatRequest.of("default"));
    }

    @LlmCall(provider = "sim")
    public ChatResponse onSimulated() {
        return llm.chat(ChatRequest.of("sim"));
    }

    @LlmCall(provider = "openai", model = "tck-cached")
    public ChatResponse onOpenAiModel() {
        return llm.chat(ChatRequest.of("model"));
    }

    @LlmCall(provider = "openai", model = "tck-cached")
    public ChatResponse requestOverridesTheAnnotation() {
        return llm.chat(ChatRequest.builder().user("override").provider("sim").build());
    }
}
