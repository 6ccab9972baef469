package dev.tollgate.api;

/** Why the model stopped generating, normalised across providers. */
public enum FinishReason {
    /** The model finished its answer or hit a stop sequence. */
    STOP,
    /** The output reached the token limit of the request or the model. */
    LENGTH,
    /** The model asked for tool calls. */
    TOOL_CALLS,
    /** The provider's content filter cut the output. */
    CONTENT_FILTER,
    /** Any other reason; {@link ChatResponse#rawFinishReason()} has the provider's own word. */
    OTHER
}
