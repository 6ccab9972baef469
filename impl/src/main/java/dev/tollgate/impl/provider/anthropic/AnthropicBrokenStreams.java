package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.ProviderStream;
import java.io.IOException;

/**
 * Reports a connection that breaks mid-stream as {@link ErrorCategory#NETWORK}. The shared
 * {@link dev.tollgate.impl.stream.WireStream} closes the {@link dev.tollgate.impl.http.OpenedStream}
 * before it asks it what a failed read means, and a closed stream answers
 * {@link ErrorCategory#CANCELLED}; so a failed read the caller did not cause by closing is
 * re-classified here. Remove this once {@code WireStream} classifies before it closes.
 */
final class AnthropicBrokenStreams implements ProviderStream {
    private final ProviderStream stream;
    private volatile boolean closedByCaller;

    AnthropicBrokenStreams(ProviderStream stream) {
        this.stream = stream;
    }

    @Override
    public String next() {
        try {
            return stream.next();
        } catch (LlmException e) {
            if (e.category() != ErrorCategory.CANCELLED || closedByCaller
                    || !(e.getCause() instanceof IOException broken)) {
                throw e;
            }
            throw LlmException.builder(ErrorCategory.NETWORK)
                    .provider(e.provider().orElse(null))
                    .model(e.model().orElse(null))
                    .requestId(e.requestId().orElse(null))
                    .message("the stream broke: "
                            + (broken.getMessage() != null ? broken.getMessage() : broken.getClass().getSimpleName()))
                    .cause(broken)
                    .build();
        }
    }

    @Override
    public ChatResponse summary() {
        return stream.summary();
    }

    @Override
    public void close() {
        closedByCaller = true;
        stream.close();
    }
}
