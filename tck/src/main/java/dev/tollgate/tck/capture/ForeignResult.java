package dev.tollgate.tck.capture;

/**
 * The result type of an LLM client library other than Tollgate's, with its own usage fields.
 *
 * @param text the answer
 * @param model the model that answered
 * @param promptTokens input tokens
 * @param completionTokens output tokens
 */
public record ForeignResult(String text, String model, long promptTokens, long completionTokens) {
}
