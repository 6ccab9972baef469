package dev.tollgate.api.spi;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import java.util.Optional;

/**
 * Talks to one configured provider. Created by a {@link ProviderAdapter}; must be thread-safe.
 */
public interface ProviderClient {

    /**
     * Sends one request and waits for the whole answer.
     *
     * <p>The request always names the {@linkplain ChatRequest#model() model}. The response carries
     * the text, the finish reason, the usage exactly as the provider reported it
     * ({@link dev.tollgate.api.Usage#unknown()} if it reported none), the model as the provider
     * named it and the provider's ids; Tollgate adds cost, provider id and latency.
     *
     * @param request the request, with its model set
     * @return the answer
     * @throws dev.tollgate.api.LlmException for every failure, with its category; an option the
     *     provider cannot honour is {@link dev.tollgate.api.ErrorCategory#INVALID_REQUEST}, raised
     *     before anything is sent
     */
    ChatResponse chat(ChatRequest request);

    /**
     * Sends one request and streams the answer.
     *
     * <p>The request is sent, and its HTTP status checked, before this method returns: a provider
     * that refuses the request fails here, as {@link #chat(ChatRequest)} would. The usage the
     * provider reports on the stream is asked for where the protocol needs it asked for.
     *
     * @param request the request, with its model set
     * @return the stream, to be read and closed by Tollgate
     * @throws dev.tollgate.api.LlmException for every failure before the first byte of the answer;
     *     {@link dev.tollgate.api.ErrorCategory#INVALID_REQUEST} if the provider cannot stream
     */
    default ProviderStream stream(ChatRequest request) {
        throw dev.tollgate.api.LlmException.builder(dev.tollgate.api.ErrorCategory.INVALID_REQUEST)
                .model(request.model().orElse(null))
                .message("this provider type does not stream answers")
                .build();
    }

    /**
     * The options of {@link ChatRequest} this provider cannot honour, by name: {@code temperature},
     * {@code topP}, {@code maxTokens}, {@code stop}, {@code seed}, {@code responseFormat},
     * {@code tools}. Tollgate refuses a request that sets one before anything is sent, or drops the
     * option with one warning where {@code tollgate.providers.<id>.unsupported-options=drop}.
     *
     * @return the names; empty if the provider honours every option
     */
    default java.util.Set<String> unsupportedOptions() {
        return java.util.Set.of();
    }

    /**
     * The {@link ChatRequest#extra() extra} parameters this provider is known to reject (another
     * provider's parameters, such as Ollama's {@code repeat_penalty} sent to OpenAI). Refused or
     * dropped like {@link #unsupportedOptions()}; any other extra parameter is sent as given.
     *
     * @return the names; empty if none is known
     */
    default java.util.Set<String> rejectedExtras() {
        return java.util.Set.of();
    }

    /**
     * The model used when neither the request, the {@link dev.tollgate.api.LlmCall} method nor
     * {@code tollgate.providers.<id>.model} names one.
     *
     * @return the provider's own default model, if it has one
     */
    default Optional<String> defaultModel() {
        return Optional.empty();
    }
}
