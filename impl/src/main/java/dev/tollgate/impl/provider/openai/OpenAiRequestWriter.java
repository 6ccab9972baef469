package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Role;
import dev.tollgate.impl.provider.FunctionTools;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.stream.JsonGenerator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a Chat Completions request body.
 *
 * <p>Messages are {@code {"role","content"}}; an assistant message that called tools carries
 * {@code tool_calls: [{"id","type":"function","function":{"name","arguments"}}]} and a
 * {@code content} of {@code null} when it has no text; a tool result is
 * {@code {"role":"tool","tool_call_id","content"}}. Tools are sent as
 * {@code tools: [{"type":"function","function":{"name","description","parameters"}}]}, with the
 * choice left to the model. The response format is {@code response_format}:
 * {@code {"type":"json_object"}}, or {@code {"type":"json_schema","json_schema":{"name","schema",
 * "strict":true}}}. A streamed request adds {@code "stream": true} and
 * {@code "stream_options": {"include_usage": true}}, without which OpenAI reports no usage on a
 * stream.
 *
 * <p>The dialects of the protocol differ in the names of two fields, the output limit
 * ({@code max_tokens} or {@code max_completion_tokens}) and the sampling seed ({@code seed},
 * Mistral's {@code random_seed}); in whether {@code stream_options} may be sent; and, for older
 * Azure api-versions, in whether schemas and tools are known at all.
 */
public final class OpenAiRequestWriter {
    /** The output limit field of older models and most compatible servers. */
    public static final String MAX_TOKENS = "max_tokens";
    /** The output limit field of OpenAI's current models. */
    public static final String MAX_COMPLETION_TOKENS = "max_completion_tokens";

    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "temperature", "top_p",
            MAX_TOKENS, MAX_COMPLETION_TOKENS, "stop", "seed", "stream", "stream_options", "response_format", "tools");

    private final String maxTokensField;
    private final String seedField;
    private final boolean streamOptions;
    private final String noJsonSchema;
    private final String noTools;
    private final Set<String> typedFields;

    /**
     * @param maxTokensField {@link #MAX_TOKENS} or {@link #MAX_COMPLETION_TOKENS}
     */
    public OpenAiRequestWriter(String maxTokensField) {
        this(maxTokensField, "seed", true, null, null);
    }

    private OpenAiRequestWriter(String maxTokensField, String seedField, boolean streamOptions, String noJsonSchema,
            String noTools) {
        this.maxTokensField = maxTokensField;
        this.seedField = seedField;
        this.streamOptions = streamOptions;
        this.noJsonSchema = noJsonSchema;
        this.noTools = noTools;
        Set<String> typed = new HashSet<>(TYPED_FIELDS);
        typed.add(seedField);
        this.typedFields = Set.copyOf(typed);
    }

    /**
     * @param name the field that carries {@link ChatRequest#seed()}
     * @return a writer that writes the seed under that name
     */
    public OpenAiRequestWriter withSeedField(String name) {
        return new OpenAiRequestWriter(maxTokensField, name, streamOptions, noJsonSchema, noTools);
    }

    /**
     * @return a writer that asks for no {@code stream_options}, for a server that rejects the field
     *     (Mistral, which reports usage on every stream, and Azure api-versions before 2024-09-01)
     */
    public OpenAiRequestWriter withoutStreamOptions() {
        return new OpenAiRequestWriter(maxTokensField, seedField, false, noJsonSchema, noTools);
    }

    /**
     * @param reason why the server has no schema mode, for the refusal's message
     * @return a writer that refuses {@link ResponseFormat.Kind#JSON_SCHEMA} before anything is sent
     */
    public OpenAiRequestWriter withoutJsonSchema(String reason) {
        return new OpenAiRequestWriter(maxTokensField, seedField, streamOptions, reason, noTools);
    }

    /**
     * @param reason why the server has no tools, for the refusal's message
     * @return a writer that refuses tools, tool calls and tool results before anything is sent
     */
    public OpenAiRequestWriter withoutTools(String reason) {
        return new OpenAiRequestWriter(maxTokensField, seedField, streamOptions, noJsonSchema, reason);
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @param stream whether the answer is to be streamed
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if an extra parameter
     *     repeats a typed option or has a value JSON cannot hold, or the request needs what this
     *     dialect lacks
     */
    public byte[] write(ChatRequest request, String providerId, boolean stream) {
        String model = request.model().orElseThrow();
        RequestChecks.rejectExtraOverlap(request, providerId, model, typedFields);
        checkSupported(request, providerId, model);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            g.write("model", model);
            g.writeStartArray("messages");
            request.messages().forEach(m -> writeMessage(g, m));
            g.writeEnd();
            writeTools(g, request);
            writeResponseFormat(g, request.responseFormat());
            request.temperature().ifPresent(t -> g.write("temperature", t));
            request.topP().ifPresent(t -> g.write("top_p", t));
            request.maxTokens().ifPresent(t -> g.write(maxTokensField, t));
            if (!request.stop().isEmpty()) {
                g.writeStartArray("stop");
                request.stop().forEach(g::write);
                g.writeEnd();
            }
            request.seed().ifPresent(s -> g.write(seedField, s));
            if (stream) {
                g.write("stream", true);
                if (streamOptions) {
                    g.writeStartObject("stream_options").write("include_usage", true).writeEnd();
                }
            }
            RequestChecks.writeExtra(g, request);
            g.writeEnd();
        });
    }

    private void checkSupported(ChatRequest request, String providerId, String model) {
        if (noJsonSchema != null && request.responseFormat().kind() == ResponseFormat.Kind.JSON_SCHEMA) {
            throw RequestChecks.invalid(providerId, model, "provider '" + providerId
                    + "' cannot answer in a JSON schema: " + noJsonSchema);
        }
        boolean usesTools = !request.tools().isEmpty() || request.messages().stream()
                .anyMatch(m -> m.role() == Role.TOOL || !m.toolCalls().isEmpty());
        if (noTools != null && usesTools) {
            throw RequestChecks.invalid(providerId, model, "provider '" + providerId + "' cannot call tools: "
                    + noTools);
        }
    }

    private static void writeMessage(JsonGenerator g, Message m) {
        g.writeStartObject().write("role", m.role().name().toLowerCase(Locale.ROOT));
        if (m.role() == Role.TOOL) {
            g.write("tool_call_id", m.toolCallId().orElseThrow()).write("content", m.content());
        } else if (!m.toolCalls().isEmpty()) {
            if (m.content().isEmpty()) {
                g.writeNull("content");
            } else {
                g.write("content", m.content());
            }
            FunctionTools.writeCalls(g, m.toolCalls());
        } else {
            g.write("content", m.content());
        }
        g.writeEnd();
    }

    private static void writeTools(JsonGenerator g, ChatRequest request) {
        if (request.tools().isEmpty()) {
            return;
        }
        FunctionTools.write(g, request.tools());
    }

    private static void writeResponseFormat(JsonGenerator g, ResponseFormat format) {
        switch (format.kind()) {
            case TEXT -> {
                // the default; nothing to ask for
            }
            case JSON -> g.writeStartObject("response_format").write("type", "json_object").writeEnd();
            case JSON_SCHEMA -> g.writeStartObject("response_format")
                    .write("type", "json_schema")
                    .writeStartObject("json_schema")
                    .write("name", format.name().orElseThrow())
                    .write("schema", format.schema().orElseThrow())
                    .write("strict", true)
                    .writeEnd()
                    .writeEnd();
        }
    }
}
