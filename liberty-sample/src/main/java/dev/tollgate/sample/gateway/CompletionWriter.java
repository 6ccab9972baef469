package dev.tollgate.sample.gateway;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * Writes OpenAI's chat completion objects: {@code chat.completion} for a whole answer and
 * {@code chat.completion.chunk} for the pieces of a streamed one.
 *
 * @param id the completion's id, {@code chatcmpl-…}, shared by all chunks of a stream
 * @param created when it was created, in seconds since the epoch
 * @param model the model name the client asked for
 */
public record CompletionWriter(String id, long created, String model) {
    /** Looked up once: {@link JsonProvider#provider()}, behind each {@code Json.create…}, searches the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /**
     * @param response the whole answer
     * @return the {@code chat.completion} object
     */
    public JsonObject completion(ChatResponse response) {
        JsonObjectBuilder message = JSON.createObjectBuilder().add("role", "assistant");
        if (response.toolCalls().isEmpty()) {
            message.add("content", response.text());
        } else {
            if (response.text().isEmpty()) {
                message.addNull("content");
            } else {
                message.add("content", response.text());
            }
            message.add("tool_calls", toolCalls(response.toolCalls(), false));
        }
        message.addNull("refusal");
        JsonObjectBuilder choice = JSON.createObjectBuilder()
                .add("index", 0)
                .add("message", message)
                .addNull("logprobs")
                .add("finish_reason", finishReason(response));
        JsonObjectBuilder completion = head("chat.completion").add("choices", JSON.createArrayBuilder().add(choice));
        if (response.usage().isKnown()) {
            completion.add("usage", usage(response.usage()));
        }
        return completion.build();
    }

    /** @return the first chunk of a stream, which names the role */
    public JsonObject roleChunk() {
        return chunk(JSON.createObjectBuilder().add("role", "assistant").add("content", ""), null, false);
    }

    /**
     * @param text a piece of the answer
     * @param usageOption whether the client asked for usage, so every chunk carries {@code "usage": null}
     * @return a content chunk
     */
    public JsonObject textChunk(String text, boolean usageOption) {
        return chunk(JSON.createObjectBuilder().add("content", text), null, usageOption);
    }

    /**
     * @param calls the tool calls of the answer
     * @param usageOption whether the client asked for usage
     * @return a chunk delivering all of them
     */
    public JsonObject toolCallChunk(List<ToolCall> calls, boolean usageOption) {
        return chunk(JSON.createObjectBuilder().add("tool_calls", toolCalls(calls, true)), null, usageOption);
    }

    /**
     * @param response the whole answer
     * @param usageOption whether the client asked for usage
     * @return the chunk with the finish reason and an empty delta
     */
    public JsonObject finishChunk(ChatResponse response, boolean usageOption) {
        return chunk(JSON.createObjectBuilder(), finishReason(response), usageOption);
    }

    /**
     * @param usage the answer's usage
     * @return the last chunk when the client asked for usage: no choices, the usage, or {@code null} if not known
     */
    public JsonObject usageChunk(Usage usage) {
        JsonObjectBuilder chunk = head("chat.completion.chunk").add("choices", JSON.createArrayBuilder());
        if (usage.isKnown()) {
            chunk.add("usage", usage(usage));
        } else {
            chunk.addNull("usage");
        }
        return chunk.build();
    }

    /**
     * @param usage token counts
     * @return OpenAI's usage object
     */
    public static JsonObject usage(Usage usage) {
        return JSON.createObjectBuilder()
                .add("prompt_tokens", usage.inputTokens())
                .add("completion_tokens", usage.outputTokens())
                .add("total_tokens", usage.totalTokens())
                .add("prompt_tokens_details", JSON.createObjectBuilder().add("cached_tokens", usage.cachedInputTokens()))
                .add("completion_tokens_details",
                        JSON.createObjectBuilder().add("reasoning_tokens", usage.reasoningTokens()))
                .build();
    }

    private JsonObject chunk(JsonObjectBuilder delta, String finishReason, boolean usageOption) {
        JsonObjectBuilder choice = JSON.createObjectBuilder().add("index", 0).add("delta", delta).addNull("logprobs");
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        JsonObjectBuilder chunk = head("chat.completion.chunk").add("choices", JSON.createArrayBuilder().add(choice));
        if (usageOption) {
            chunk.addNull("usage");
        }
        return chunk.build();
    }

    private JsonObjectBuilder head(String object) {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("object", object)
                .add("created", created)
                .add("model", model)
                .addNull("system_fingerprint");
    }

    private static JsonArrayBuilder toolCalls(List<ToolCall> calls, boolean indexed) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            JsonObjectBuilder item = JSON.createObjectBuilder();
            if (indexed) {
                item.add("index", i);
            }
            array.add(item.add("id", call.id())
                    .add("type", "function")
                    .add("function", JSON.createObjectBuilder().add("name", call.name()).add("arguments", call.arguments())));
        }
        return array;
    }

    private static String finishReason(ChatResponse response) {
        if (response.finishReason() == FinishReason.OTHER) {
            return response.rawFinishReason().orElse("stop");
        }
        return switch (response.finishReason()) {
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> "stop";
        };
    }
}
