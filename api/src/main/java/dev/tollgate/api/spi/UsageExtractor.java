package dev.tollgate.api.spi;

import dev.tollgate.api.ChatResponse;
import java.util.Optional;

/**
 * Reads usage from what an {@link dev.tollgate.api.LlmCall} method returned, when the method
 * called a provider through another client library.
 *
 * <p>After an {@link dev.tollgate.api.LlmCall} method returns a non-null value, every extractor
 * is asked in turn; the first non-empty answer becomes an {@link dev.tollgate.api.Exchange} of the
 * record, priced like any other. Implementations are found as CDI beans and with
 * {@link java.util.ServiceLoader}, and must be thread-safe.
 */
public interface UsageExtractor {

    /**
     * Reads the provider's answer from a method result.
     *
     * @param result what the method returned; never {@code null}
     * @return the answer with at least provider, model and usage set, or empty if this extractor
     *     does not recognise the result
     */
    Optional<ChatResponse> extract(Object result);
}
