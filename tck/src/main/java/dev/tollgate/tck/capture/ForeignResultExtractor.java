package dev.tollgate.tck.capture;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.UsageExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Reads usage from {@link ForeignResult}s, as an integration of another client library would. */
@ApplicationScoped
public class ForeignResultExtractor implements UsageExtractor {
    @Override
    public Optional<ChatResponse> extract(Object result) {
        if (!(result instanceof ForeignResult r)) {
            return Optional.empty();
        }
        return Optional.of(ChatResponse.builder()
                .provider("openai")
                .model(r.model())
                .text(r.text())
                .usage(Usage.of(r.promptTokens(), r.completionTokens()))
                .build());
    }
}
