package dev.tollgate.impl.foreign.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.tollgate.api.spi.UsageExtractor;
import java.util.Optional;

/**
 * Reads a LangChain4j {@link ChatResponse} returned by an {@link dev.tollgate.api.LlmCall} method.
 * LangChain4j's answer does not say which provider gave it, so it is recorded under the configured
 * provider id, or else under {@code langchain4j}. An answer the {@link TollgateChatModelListener}
 * already recorded in the same call is not counted twice.
 */
public final class LangChain4jResponseExtractor implements UsageExtractor {
    private final String provider;

    /** @param provider the provider id of LangChain4j's requests, or {@code null} for {@code langchain4j} */
    public LangChain4jResponseExtractor(String provider) {
        this.provider = provider == null ? "langchain4j" : provider;
    }

    @Override
    public Optional<dev.tollgate.api.ChatResponse> extract(Object result) {
        if (!(result instanceof ChatResponse response)) {
            return Optional.empty();
        }
        return Optional.of(LangChain4jModels.answer(response, provider));
    }
}
