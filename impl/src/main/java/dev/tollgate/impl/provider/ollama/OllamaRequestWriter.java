package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.json.JsonSupport;
import dev.tollgate.impl.provider.FunctionTools;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as an Ollama {@code /api/chat} body: {@code model}, {@code messages},
 * {@code tools}, {@code stream} ({@code true} only for a streamed answer), the typed options under
 * {@code options} ({@code temperature}, {@code top_p}, {@code num_predict} for max tokens,
 * {@code stop}, {@code seed}), {@code format} ({@code "json"}, or the request's JSON schema) and the
 * configured {@code keep_alive}.
 *
 * <p>Messages: {@code system}, {@code user} and {@code assistant} with their {@code content}; an
 * assistant message that called tools with its {@code tool_calls}, each
 * {@code {"id", "function": {"name", "arguments": {...}}}}; a tool result as
 * {@code {"role": "tool", "content", "tool_call_id", "tool_name"}}: Ollama's templates name the
 * function a result belongs to, so the name is taken from the call of that id in the latest
 * assistant message before it (left out if no earlier message has the call), and newer versions
 * also pair result and call by id. Older versions ignore the ids. Tools are
 * {@code {"type": "function", "function": {...}}}.
 *
 * <p>Ollama keeps model parameters apart from request parameters, and so do the {@code extra}
 * parameters: one named {@code options.<name>} is written as {@code <name>} inside {@code options}
 * (for example {@code options.num_ctx}), any other at the top level (for example {@code think},
 * or {@code keep_alive} when the provider sets none). An extra parameter may not repeat what the
 * writer sets from the request: {@code options} as a whole, a typed option under its Ollama name,
 * {@code format}, {@code tools}, or {@code keep_alive} when the {@code keep-alive} property is set.
 */
final class OllamaRequestWriter {
    private static final String OPTIONS = "options";
    private static final String OPTION_PREFIX = OPTIONS + ".";
    private static final String KEEP_ALIVE = "keep_alive";
    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "stream", "format", "tools",
            OPTION_PREFIX + "temperature",
            OPTION_PREFIX + "top_p", OPTION_PREFIX + "num_predict", OPTION_PREFIX + "stop", OPTION_PREFIX + "seed");

    private final Object keepAlive;

    /**
     * @param keepAlive the {@code keep_alive} value, a number of seconds or a duration string, or
     *     {@code null} to leave it to the server
     */
    OllamaRequestWriter(Object keepAlive) {
        this.keepAlive = keepAlive;
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @param stream whether the answer is to be streamed
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if the arguments of a
     *     tool call are not a JSON object, or an extra parameter repeats what the writer sets or has
     *     a value JSON cannot hold
     */
    byte[] write(ChatRequest request, String providerId, boolean stream) {
        String model = request.model().orElseThrow();
        checkRequest(request, providerId, model);
        Map<ToolCall, JsonObject> arguments = arguments(request, providerId, model);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            g.write("model", model);
            writeMessages(g, request.messages(), arguments);
            if (!request.tools().isEmpty()) {
                FunctionTools.write(g, request.tools());
            }
            g.write("stream", stream);
            writeOptions(g, request);
            if (request.responseFormat().kind() != ResponseFormat.Kind.TEXT) {
                request.responseFormat().schema().ifPresentOrElse(schema -> g.write("format", schema),
                        () -> g.write("format", "json"));
            }
            if (keepAlive != null) {
                JsonSupport.write(g, KEEP_ALIVE, keepAlive);
            }
            for (Map.Entry<String, Object> e : request.extra().entrySet()) {
                if (!e.getKey().startsWith(OPTION_PREFIX)) {
                    JsonSupport.write(g, e.getKey(), e.getValue());
                }
            }
            g.writeEnd();
        });
    }

    private static void writeMessages(JsonGenerator g, List<Message> messages, Map<ToolCall, JsonObject> arguments) {
        Map<String, String> calledNames = new HashMap<>();
        g.writeStartArray("messages");
        for (Message m : messages) {
            g.writeStartObject()
                    .write("role", m.role().name().toLowerCase(Locale.ROOT))
                    .write("content", m.content());
            if (!m.toolCalls().isEmpty()) {
                OllamaToolCalls.writeCalls(g, m.toolCalls(), arguments);
                m.toolCalls().forEach(call -> calledNames.put(call.id(), call.name()));
            }
            m.toolCallId().ifPresent(id -> {
                g.write("tool_call_id", id);
                String name = calledNames.get(id);
                if (name != null) {
                    g.write("tool_name", name);
                }
            });
            g.writeEnd();
        }
        g.writeEnd();
    }

    private static Map<ToolCall, JsonObject> arguments(ChatRequest request, String providerId, String model) {
        Map<ToolCall, JsonObject> arguments = new HashMap<>();
        for (Message m : request.messages()) {
            for (ToolCall call : m.toolCalls()) {
                try {
                    arguments.put(call, OllamaToolCalls.arguments(call));
                } catch (JsonException | NoSuchElementException e) {
                    throw RequestChecks.invalid(providerId, model, "the arguments of tool call '" + call.id()
                            + "' are not a JSON object, which Ollama needs: " + e.getMessage());
                }
            }
        }
        return arguments;
    }

    private void checkRequest(ChatRequest request, String providerId, String model) {
        RequestChecks.rejectExtraOverlap(request, providerId, model, TYPED_FIELDS);
        for (String key : request.extra().keySet()) {
            if (key.equals(OPTIONS) || key.equals(OPTION_PREFIX)) {
                throw RequestChecks.invalid(providerId, model, "extra parameter '" + key + "' is not an option "
                        + "name; pass each model option as 'options.<name>', such as 'options.num_ctx'");
            }
            if (key.equals(KEEP_ALIVE) && keepAlive != null) {
                throw RequestChecks.invalid(providerId, model, "extra parameter 'keep_alive' repeats the provider's "
                        + "keep-alive property");
            }
        }
    }

    private static void writeOptions(JsonGenerator g, ChatRequest request) {
        boolean anyExtra = request.extra().keySet().stream().anyMatch(k -> k.startsWith(OPTION_PREFIX));
        boolean anyTyped = request.temperature().isPresent() || request.topP().isPresent()
                || request.maxTokens().isPresent() || !request.stop().isEmpty() || request.seed().isPresent();
        if (!anyExtra && !anyTyped) {
            return;
        }
        g.writeStartObject(OPTIONS);
        request.temperature().ifPresent(t -> g.write("temperature", t));
        request.topP().ifPresent(t -> g.write("top_p", t));
        request.maxTokens().ifPresent(t -> g.write("num_predict", t));
        if (!request.stop().isEmpty()) {
            g.writeStartArray("stop");
            request.stop().forEach(g::write);
            g.writeEnd();
        }
        request.seed().ifPresent(s -> g.write("seed", s));
        for (Map.Entry<String, Object> e : request.extra().entrySet()) {
            if (e.getKey().startsWith(OPTION_PREFIX)) {
                JsonSupport.write(g, e.getKey().substring(OPTION_PREFIX.length()), e.getValue());
            }
        }
        g.writeEnd();
    }
}
