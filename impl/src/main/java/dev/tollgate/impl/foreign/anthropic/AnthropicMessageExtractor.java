package dev.tollgate.impl.foreign.anthropic;

import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.StopReason;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.UsageExtractor;
import dev.tollgate.impl.provider.anthropic.AnthropicStopReasons;
import dev.tollgate.impl.provider.anthropic.AnthropicUsage;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a {@link Message} of the Anthropic Java SDK: model, id, stop reason, text, and its usage
 * {@linkplain AnthropicUsage#normalise normalised} as Tollgate's own Anthropic client does it.
 */
public final class AnthropicMessageExtractor implements UsageExtractor {
    private final String provider;

    /** @param provider the provider id of the SDK's requests, or {@code null} for {@code anthropic} */
    public AnthropicMessageExtractor(String provider) {
        this.provider = provider == null ? "anthropic" : provider;
    }

    @Override
    public Optional<ChatResponse> extract(Object result) {
        if (!(result instanceof Message message)) {
            return Optional.empty();
        }
        String reason = message.stopReason().map(StopReason::asString).orElse(null);
        return Optional.of(ChatResponse.builder()
                .provider(provider)
                .model(message.model().asString())
                .responseId(message.id())
                .finishReason(AnthropicStopReasons.finishReason(reason, false))
                .rawFinishReason(reason)
                .text(message.content().stream().flatMap(b -> b.text().stream()).map(t -> t.text())
                        .collect(Collectors.joining()))
                .usage(usage(message.usage()))
                .build());
    }

    private static Usage usage(com.anthropic.models.messages.Usage usage) {
        return AnthropicUsage.normalise(usage.inputTokens(), usage.outputTokens(),
                usage.cacheReadInputTokens().orElse(0L), usage.cacheCreationInputTokens().orElse(0L),
                usage.cacheCreation().map(c -> c.ephemeral5mInputTokens()).orElse(0L),
                usage.cacheCreation().map(c -> c.ephemeral1hInputTokens()).orElse(0L));
    }
}
