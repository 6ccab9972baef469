package dev.tollgate.sample.gateway;

import dev.tollgate.api.ChatRequest;

/**
 * A {@code POST /v1/chat/completions} body, read.
 *
 * @param model the public model name the client asked for
 * @param chat the request for the model, without a target: the alias's route supplies it
 * @param stream whether the answer is streamed as server-sent events
 * @param includeUsage whether a streamed answer ends with a usage chunk
 */
public record CompletionRequest(String model, ChatRequest chat, boolean stream, boolean includeUsage) {
}
