package dev.tollgate.tck.capture;

import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Flow;

/** A service that streams answers and asks for typed ones, on the simulated provider. */
@ApplicationScoped
public class StreamingService {
    @Inject
    ChatClient llm;

    @LlmCall(value = "stream.answer", provider = "sim")
    public ChatStream answer(String question) {
        return llm.stream(ChatRequest.of(question));
    }

    @LlmCall(value = "stream.publish", provider = "sim")
    public Flow.Publisher<ChatChunk> publish(String question) {
        return llm.stream(ChatRequest.of(question)).publisher();
    }

    @LlmCall(value = "stream.judge", provider = "sim")
    public Judgement judge(String text) {
        return llm.chat(ChatRequest.of(text), Judgement.class);
    }
}
