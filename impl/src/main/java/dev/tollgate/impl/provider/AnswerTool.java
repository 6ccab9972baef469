package dev.tollgate.impl.provider;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Tool;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * The tool that carries a structured answer, for providers with no response-format field of their
 * own: their way to a JSON answer is a tool whose input schema is the answer's schema, which the
 * model is made to call; the call's input is the answer.
 * <ul>
 *   <li>{@link ResponseFormat.Kind#JSON_SCHEMA}: a tool named after the schema, with the schema as
 *       its input schema;</li>
 *   <li>{@link ResponseFormat.Kind#JSON}: a tool named {@value #JSON_NAME} whose schema is any
 *       object, {@code {"type":"object"}};</li>
 *   <li>{@link ResponseFormat.Kind#TEXT}: none.</li>
 * </ul>
 *
 * @param name the tool's name
 * @param schema its input schema
 */
public record AnswerTool(String name, JsonObject schema) {
    /** The name of the tool that carries an answer of any JSON object. */
    public static final String JSON_NAME = "json_answer";
    /** What the model reads about the tool. */
    public static final String DESCRIPTION = "Give your answer as the input of this tool.";

    private static final JsonObject ANY_OBJECT = JsonSupport.provider().createObjectBuilder()
            .add("type", "object")
            .build();

    /**
     * @param format the requested form of the answer
     * @return the tool that carries it, empty for free text
     */
    public static Optional<AnswerTool> of(ResponseFormat format) {
        return switch (format.kind()) {
            case TEXT -> Optional.empty();
            case JSON -> Optional.of(new AnswerTool(JSON_NAME, ANY_OBJECT));
            case JSON_SCHEMA -> Optional.of(new AnswerTool(format.name().orElseThrow(),
                    format.schema().orElseThrow()));
        };
    }

    /**
     * @param format the requested form of the answer
     * @return the name of its answer tool, or {@code null} for free text
     */
    public static String nameOf(ResponseFormat format) {
        return of(format).map(AnswerTool::name).orElse(null);
    }

    /**
     * @param request the request that carries this tool next to its own
     * @param providerId the provider id, for the error
     * @param model the model, for the error
     * @throws LlmException of category {@code INVALID_REQUEST} if one of the request's tools has
     *     this tool's name
     */
    public void rejectNameClash(ChatRequest request, String providerId, String model) {
        for (Tool tool : request.tools()) {
            if (tool.name().equals(name)) {
                throw RequestChecks.invalid(providerId, model, "provider '" + providerId + "' gives a structured"
                        + " answer as a call of a tool named '" + name + "', and the request has a tool of"
                        + " that name; rename the tool");
            }
        }
    }

    /**
     * @param request the request that carries this tool
     * @return whether it is the only tool, so the model is made to call it by name; otherwise the
     *     model is made to call any tool, and a call of this one is the answer
     */
    public boolean isOnlyTool(ChatRequest request) {
        return request.tools().isEmpty();
    }
}
