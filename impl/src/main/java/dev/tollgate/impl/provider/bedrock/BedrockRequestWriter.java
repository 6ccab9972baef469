package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Tool;
import dev.tollgate.impl.json.JsonSupport;
import dev.tollgate.impl.provider.AnswerTool;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as the body of a Converse or ConverseStream request; both take the
 * same body.
 *
 * <ol>
 *   <li>The messages go to {@code messages} and {@code system} as {@link BedrockConversation} says.</li>
 *   <li>Max tokens, temperature, top-p and stop sequences go to {@code inferenceConfig}; a seed is declared
 *       unsupported, since Converse has none.</li>
 *   <li>Tools go to {@code toolConfig.tools} as {@code {toolSpec: {name, description,
 *       inputSchema: {json}}}}, the choice left to the model. A response format other than text
 *       adds its {@linkplain AnswerTool answer tool} and makes the model call a tool: that
 *       one ({@code toolChoice: {tool: {name}}}) when the request has no tools of its own,
 *       otherwise any ({@code toolChoice: {any: {}}}), so that the model either calls the
 *       request's tools or gives the answer.</li>
 *   <li>An {@code extra} parameter named like a top-level Converse field that Tollgate does not
 *       write itself ({@link #TOP_LEVEL_FIELDS}) is written at the top level; every other one
 *       is a parameter of the model and goes to {@code additionalModelRequestFields}. An
 *       {@code extra} {@code toolConfig} is refused when the request has tools or a response
 *       format, which write it.</li>
 * </ol>
 */
final class BedrockRequestWriter {
    /** The top-level Converse fields an {@code extra} parameter may set. */
    static final Set<String> TOP_LEVEL_FIELDS = Set.of("toolConfig", "guardrailConfig", "promptVariables",
            "additionalModelResponseFieldPaths", "requestMetadata", "performanceConfig", "serviceTier",
            "outputConfig");

    /**
     * The fields written from typed options, and {@code additionalModelRequestFields}, which the
     * writer fills from the other {@code extra} parameters.
     */
    private static final Set<String> TYPED_FIELDS = Set.of("modelId", "messages", "system", "inferenceConfig",
            "maxTokens", "temperature", "topP", "stopSequences", "additionalModelRequestFields");

    private static final String TOOL_CONFIG = "toolConfig";

    private BedrockRequestWriter() {
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if a tool call's arguments are not JSON, a tool has the answer tool's name, or an
     *     extra parameter repeats a typed option, sets the {@code toolConfig} that tools or a
     *     response format write, or has a value JSON cannot hold
     */
    static byte[] write(ChatRequest request, String providerId) {
        String model = request.model().orElseThrow();
        RequestChecks.rejectExtraOverlap(request, providerId, model, TYPED_FIELDS);
        Optional<AnswerTool> answer = AnswerTool.of(request.responseFormat());
        boolean toolConfig = !request.tools().isEmpty() || answer.isPresent();
        if (toolConfig && request.extra().containsKey(TOOL_CONFIG)) {
            throw RequestChecks.invalid(providerId, model, "extra parameter '" + TOOL_CONFIG + "' repeats the"
                    + " request's tools or response format, which provider '" + providerId + "' writes as its "
                    + TOOL_CONFIG + "; use ChatRequest's tools");
        }
        answer.ifPresent(a -> a.rejectNameClash(request, providerId, model));
        BedrockConversation conversation = BedrockConversation.of(request.messages(), providerId, model);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            conversation.write(g);
            writeInferenceConfig(g, request);
            if (toolConfig) {
                writeToolConfig(g, request, answer);
            }
            writeExtra(g, request);
            g.writeEnd();
        });
    }

    private static void writeInferenceConfig(JsonGenerator g, ChatRequest request) {
        if (request.maxTokens().isEmpty() && request.temperature().isEmpty() && request.topP().isEmpty()
                && request.stop().isEmpty()) {
            return;
        }
        g.writeStartObject("inferenceConfig");
        request.maxTokens().ifPresent(t -> g.write("maxTokens", t));
        request.temperature().ifPresent(t -> g.write("temperature", t));
        request.topP().ifPresent(t -> g.write("topP", t));
        if (!request.stop().isEmpty()) {
            g.writeStartArray("stopSequences");
            request.stop().forEach(g::write);
            g.writeEnd();
        }
        g.writeEnd();
    }

    private static void writeToolConfig(JsonGenerator g, ChatRequest request, Optional<AnswerTool> answer) {
        g.writeStartObject(TOOL_CONFIG).writeStartArray("tools");
        for (Tool tool : request.tools()) {
            writeToolSpec(g, tool.name(), tool.description(), tool.parameters());
        }
        answer.ifPresent(a -> writeToolSpec(g, a.name(), AnswerTool.DESCRIPTION, a.schema()));
        g.writeEnd();
        answer.ifPresent(a -> {
            g.writeStartObject("toolChoice");
            if (a.isOnlyTool(request)) {
                g.writeStartObject("tool").write("name", a.name()).writeEnd();
            } else {
                g.writeStartObject("any").writeEnd();
            }
            g.writeEnd();
        });
        g.writeEnd();
    }

    private static void writeToolSpec(JsonGenerator g, String name, String description, JsonObject schema) {
        g.writeStartObject().writeStartObject("toolSpec")
                .write("name", name)
                .write("description", description)
                .writeStartObject("inputSchema").write("json", schema).writeEnd()
                .writeEnd().writeEnd();
    }

    private static void writeExtra(JsonGenerator g, ChatRequest request) {
        boolean modelFields = false;
        for (Map.Entry<String, Object> e : request.extra().entrySet()) {
            if (TOP_LEVEL_FIELDS.contains(e.getKey())) {
                JsonSupport.write(g, e.getKey(), e.getValue());
            } else {
                modelFields = true;
            }
        }
        if (modelFields) {
            g.writeStartObject("additionalModelRequestFields");
            for (Map.Entry<String, Object> e : request.extra().entrySet()) {
                if (!TOP_LEVEL_FIELDS.contains(e.getKey())) {
                    JsonSupport.write(g, e.getKey(), e.getValue());
                }
            }
            g.writeEnd();
        }
    }
}
