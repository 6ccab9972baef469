package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Tool;
import dev.tollgate.impl.provider.AnswerTool;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a Messages API request body: the {@linkplain AnthropicConversation
 * conversation}, {@code max_tokens} always (Anthropic requires it), the options, the tools, and
 * {@code "stream": true} for a streamed answer.
 *
 * <p>Tools are offered as {@code {name, description, input_schema}} with the choice left to the
 * model (an {@code extra} {@code tool_choice} may set another). A response format other than text
 * adds its {@linkplain AnswerTool answer tool} and makes the model call a tool: that one
 * ({@code {"type":"tool","name":…}}) when the request has no tools of its own, otherwise any
 * ({@code {"type":"any"}}), so that the model either calls the request's tools or gives the
 * answer. An {@code extra} {@code tool_choice} then contradicts the format and is refused.
 */
final class AnthropicRequestWriter {
    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "system", "max_tokens",
            "temperature", "top_p", "stop_sequences", "stream", "tools");

    private final int defaultMaxTokens;

    /** @param defaultMaxTokens the {@code max_tokens} of a request that sets no maximum */
    AnthropicRequestWriter(int defaultMaxTokens) {
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @param stream whether the answer is to be streamed
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if its conversation does not fit the Messages API ({@link AnthropicConversation#of}),
     *     a tool has the answer tool's name, or an extra parameter repeats a typed option, sets the
     *     tool choice of a structured answer or has a value JSON cannot hold
     */
    byte[] write(ChatRequest request, String providerId, boolean stream) {
        String model = request.model().orElseThrow();
        RequestChecks.rejectExtraOverlap(request, providerId, model, TYPED_FIELDS);
        Optional<AnswerTool> answer = AnswerTool.of(request.responseFormat());
        if (answer.isPresent()) {
            if (request.extra().containsKey("tool_choice")) {
                throw RequestChecks.invalid(providerId, model, "extra parameter 'tool_choice' contradicts the"
                        + " response format: provider '" + providerId + "' gives a structured answer by choosing"
                        + " the tool itself");
            }
            answer.get().rejectNameClash(request, providerId, model);
        }
        AnthropicConversation conversation = AnthropicConversation.of(request.messages(), providerId, model);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            g.write("model", model);
            g.write("max_tokens", request.maxTokens().orElse(defaultMaxTokens));
            conversation.write(g);
            request.temperature().ifPresent(t -> g.write("temperature", t));
            request.topP().ifPresent(t -> g.write("top_p", t));
            if (!request.stop().isEmpty()) {
                g.writeStartArray("stop_sequences");
                request.stop().forEach(g::write);
                g.writeEnd();
            }
            writeTools(g, request, answer);
            if (stream) {
                g.write("stream", true);
            }
            RequestChecks.writeExtra(g, request);
            g.writeEnd();
        });
    }

    private static void writeTools(JsonGenerator g, ChatRequest request, Optional<AnswerTool> answer) {
        if (request.tools().isEmpty() && answer.isEmpty()) {
            return;
        }
        g.writeStartArray("tools");
        for (Tool tool : request.tools()) {
            writeTool(g, tool.name(), tool.description(), tool.parameters());
        }
        answer.ifPresent(a -> writeTool(g, a.name(), AnswerTool.DESCRIPTION, a.schema()));
        g.writeEnd();
        answer.ifPresent(a -> {
            g.writeStartObject("tool_choice");
            if (a.isOnlyTool(request)) {
                g.write("type", "tool").write("name", a.name());
            } else {
                g.write("type", "any");
            }
            g.writeEnd();
        });
    }

    private static void writeTool(JsonGenerator g, String name, String description, JsonObject schema) {
        g.writeStartObject()
                .write("name", name)
                .write("description", description)
                .write("input_schema", schema)
                .writeEnd();
    }
}
