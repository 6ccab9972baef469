package dev.tollgate.impl.foreign.openai;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.completions.CompletionUsage;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.UsageExtractor;
import dev.tollgate.impl.provider.openai.OpenAiResponseReader;
import java.util.Optional;

/**
 * Reads a {@link ChatCompletion} of the OpenAI Java SDK: model, id, finish reason and text of its
 * first choice, and its usage with cached and reasoning tokens, which OpenAI already counts the way
 * {@link Usage} does. A completion without usage has an unknown usage.
 */
public final class OpenAiCompletionExtractor implements UsageExtractor {
    private final String provider;

    /** @param provider the provider id of the SDK's requests, or {@code null} for {@code openai} */
    public OpenAiCompletionExtractor(String provider) {
        this.provider = provider == null ? "openai" : provider;
    }

    @Override
    public Optional<ChatResponse> extract(Object result) {
        if (!(result instanceof ChatCompletion completion)) {
            return Optional.empty();
        }
        ChatResponse.Builder answer = ChatResponse.builder()
                .provider(provider)
                .model(completion.model())
                .responseId(completion.id())
                .usage(completion.usage().map(OpenAiCompletionExtractor::usage).orElse(Usage.unknown()));
        completion.serviceTier().ifPresent(tier -> answer.serviceTier(tier.asString()));
        if (!completion.choices().isEmpty()) {
            ChatCompletion.Choice choice = completion.choices().get(0);
            String reason = choice._finishReason().isMissing() ? null : choice.finishReason().asString();
            answer.finishReason(OpenAiResponseReader.finishReason(reason)).rawFinishReason(reason);
            choice.message().content().ifPresent(answer::text);
        }
        return Optional.of(answer.build());
    }

    private static Usage usage(CompletionUsage usage) {
        return Usage.builder()
                .inputTokens(usage.promptTokens())
                .outputTokens(usage.completionTokens())
                .cachedInputTokens(usage.promptTokensDetails().flatMap(d -> d.cachedTokens()).orElse(0L))
                .reasoningTokens(usage.completionTokensDetails().flatMap(d -> d.reasoningTokens()).orElse(0L))
                .build();
    }
}
