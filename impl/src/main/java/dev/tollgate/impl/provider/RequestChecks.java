package dev.tollgate.impl.provider;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The request-side rules every adapter applies: an {@code extra} parameter may not repeat a typed
 * option; the body is written as UTF-8 JSON. Options a provider cannot honour are the engine's to
 * refuse or drop, from the client's {@link dev.tollgate.api.spi.ProviderClient#unsupportedOptions()}.
 */
public final class RequestChecks {
    private RequestChecks() {
    }

    /**
     * @param request the request
     * @param providerId the provider id
     * @param model the model
     * @param typedFields the wire fields the adapter writes from typed options and messages
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if an {@code extra}
     *     parameter has the name of one of them
     */
    public static void rejectExtraOverlap(ChatRequest request, String providerId, String model,
            Set<String> typedFields) {
        for (String key : request.extra().keySet()) {
            if (typedFields.contains(key)) {
                throw invalid(providerId, model, "extra parameter '" + key
                        + "' repeats an option of ChatRequest; use the typed option");
            }
        }
    }

    /**
     * Writes the request's {@code extra} parameters as members of the current object.
     *
     * @param g the generator, inside the body object
     * @param request the request
     */
    public static void writeExtra(JsonGenerator g, ChatRequest request) {
        for (Map.Entry<String, Object> e : request.extra().entrySet()) {
            JsonSupport.write(g, e.getKey(), e.getValue());
        }
    }

    /**
     * @param providerId the provider id
     * @param model the model
     * @param body writes one JSON value
     * @return the UTF-8 JSON
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if a value cannot be
     *     written as JSON
     */
    public static byte[] json(String providerId, String model, Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JsonSupport.generator(out)) {
            body.accept(g);
        } catch (IllegalArgumentException e) {
            throw LlmException.builder(ErrorCategory.INVALID_REQUEST).provider(providerId).model(model)
                    .message("extra parameter cannot be written as JSON: " + e.getMessage()).cause(e).build();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param providerId the provider id
     * @param model the model
     * @param message what is wrong
     * @return a failure of category {@link ErrorCategory#INVALID_REQUEST}
     */
    public static LlmException invalid(String providerId, String model, String message) {
        return LlmException.builder(ErrorCategory.INVALID_REQUEST).provider(providerId).model(model)
                .message(message).build();
    }
}
