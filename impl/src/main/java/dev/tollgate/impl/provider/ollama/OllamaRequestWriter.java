package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.impl.json.JsonSupport;
import dev.tollgate.impl.provider.RequestChecks;
import jakarta.json.stream.JsonGenerator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as an Ollama {@code /api/chat} body: {@code model}, {@code messages},
 * {@code "stream": false}, the typed options under {@code options} ({@code temperature},
 * {@code top_p}, {@code num_predict} for max tokens, {@code stop}, {@code seed}) and the configured
 * {@code keep_alive}.
 *
 * <p>Ollama keeps model parameters apart from request parameters, and so do the {@code extra}
 * parameters: one named {@code options.<name>} is written as {@code <name>} inside {@code options}
 * (for example {@code options.num_ctx}), any other at the top level (for example {@code format},
 * {@code think} or {@code keep_alive} when the provider sets none). An extra parameter may not
 * repeat what the writer sets from the request: {@code options} as a whole, a typed option under
 * its Ollama name, or {@code keep_alive} when the {@code keep-alive} property is set.
 */
final class OllamaRequestWriter {
    private static final String OPTIONS = "options";
    private static final String OPTION_PREFIX = OPTIONS + ".";
    private static final String KEEP_ALIVE = "keep_alive";
    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "stream", OPTION_PREFIX + "temperature",
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
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if an extra parameter
     *     repeats what the writer sets or has a value JSON cannot hold
     */
    byte[] write(ChatRequest request, String providerId) {
        String model = request.model().orElseThrow();
        checkExtra(request, providerId, model);
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            g.write("model", model);
            g.writeStartArray("messages");
            for (Message m : request.messages()) {
                g.writeStartObject()
                        .write("role", m.role().name().toLowerCase(Locale.ROOT))
                        .write("content", m.content())
                        .writeEnd();
            }
            g.writeEnd();
            g.write("stream", false);
            writeOptions(g, request);
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

    private void checkExtra(ChatRequest request, String providerId, String model) {
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
