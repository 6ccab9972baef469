package dev.tollgate.api;

import java.util.concurrent.CompletionStage;

/**
 * Sends chat requests to the configured providers. Inject it: {@code @Inject ChatClient llm}.
 *
 * <p>Where a request goes:
 * <ol>
 *   <li>to the {@linkplain ChatRequest#provider() provider} and
 *       {@linkplain ChatRequest#model() model} the request names, if it names them;</li>
 *   <li>else, inside an {@link LlmCall} method, to the target of the current attempt;</li>
 *   <li>else to the default provider ({@code tollgate.provider}) and its configured model.</li>
 * </ol>
 *
 * <p>Every request is captured as an {@link Exchange}: into the record of the running
 * {@link LlmCall} method, or into a record of its own. Every failure is an {@link LlmException}.
 * Implementations are thread-safe.
 */
public interface ChatClient {

    /**
     * Sends a request and waits for the whole answer.
     *
     * @param request the request
     * @return the answer, with its usage and cost
     * @throws LlmException if the provider fails or the request cannot be sent
     */
    ChatResponse chat(ChatRequest request);

    /**
     * Sends one user message to the default target and returns the answer's text.
     *
     * @param userPrompt the user's text
     * @return the text of the answer
     * @throws LlmException if the provider fails or the request cannot be sent
     */
    default String chat(String userPrompt) {
        return chat(ChatRequest.of(userPrompt)).text();
    }

    /**
     * Sends a request for an answer of the given type and reads the answer into it with JSON-B.
     * The type's JSON schema (derived from its record components or bean properties, honouring
     * JSON-B's naming annotations) becomes the request's {@link ResponseFormat}, so the provider's
     * native structured-output mode shapes the answer.
     *
     * @param <T> the answer's type
     * @param request the request; its own response format, if any, is replaced
     * @param type a record or a class with a public no-argument constructor
     * @return the answer
     * @throws LlmException if the provider fails, or of category
     *     {@link ErrorCategory#INVALID_RESPONSE} if the answer does not fit the type; its
     *     {@linkplain LlmException#providerMessage() provider message} is then the raw answer
     * @throws IllegalArgumentException if no JSON schema can be derived from the type
     */
    <T> T chat(ChatRequest request, Class<T> type);

    /**
     * Sends a request without blocking the caller. The exchange is captured into the
     * {@link LlmCall} record that was current when this method was called.
     *
     * @param request the request
     * @return a stage completed with the answer, or exceptionally with an {@link LlmException}
     */
    CompletionStage<ChatResponse> chatAsync(ChatRequest request);

    /**
     * Sends a request and streams the answer as the provider produces it. See {@link ChatStream}
     * for how to consume it, how it fails and how it is recorded.
     *
     * @param request the request
     * @return the stream; the request is sent before this method returns
     * @throws LlmException if the request cannot be sent, or the provider refuses it before
     *     answering
     */
    ChatStream stream(ChatRequest request);
}
