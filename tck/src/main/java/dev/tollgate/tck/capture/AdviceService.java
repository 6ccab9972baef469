package dev.tollgate.tck.capture;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A service whose methods call the provider the ways an application does. */
@ApplicationScoped
public class AdviceService {
    @Inject
    ChatClient llm;

    @Inject
    InnerService inner;

    @LlmCall
    public String ask(String question) {
        return llm.chat(question);
    }

    @LlmCall("advice.twice")
    public String askTwice(String question) {
        String first = llm.chat(question);
        String second = llm.chat(ChatRequest.builder().user(question).model("tck-cached").build()).text();
        return first + " / " + second;
    }

    @LlmCall
    public String askThenFail(String question) {
        llm.chat(question);
        throw new IllegalStateException("business failure after the call");
    }

    @LlmCall
    public ChatResponse askModel(String model) {
        return llm.chat(ChatRequest.builder().user("hi").model(model).build());
    }

    @LlmCall("advice.outer")
    public String askWithNested(String question) {
        String own = llm.chat(question);
        return own + " | " + inner.summarize(question);
    }

    @LlmCall("advice.async")
    public CompletionStage<String> askAsync(String question) {
        return llm.chatAsync(ChatRequest.of(question)).thenApply(ChatResponse::text);
    }

    @LlmCall("advice.later")
    public CompletableFuture<String> askLater(CompletableFuture<Void> gate, String question) {
        CompletionStage<ChatResponse> answer = llm.chatAsync(ChatRequest.builder().user(question).provider("sim").build());
        return gate.thenCombine(answer, (ignored, response) -> response.text());
    }

    public String askUncaptured(String question) {
        return llm.chat(question);
    }
}
