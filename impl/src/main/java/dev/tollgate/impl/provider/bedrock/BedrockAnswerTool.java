package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ResponseFormat;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * The tool that carries a structured answer. Converse has no JSON mode of its own that every
 * model honours; its way to a JSON answer is a tool whose input schema is the answer's schema,
 * which {@code toolChoice} makes the model call: the call's {@code input} is the answer.
 * <ul>
 *   <li>{@link ResponseFormat.Kind#JSON_SCHEMA}: a tool named after the schema, with the schema as
 *       its {@code inputSchema.json};</li>
 *   <li>{@link ResponseFormat.Kind#JSON}: a tool named {@value #JSON_NAME} whose schema is any
 *       object, {@code {"type":"object"}};</li>
 *   <li>{@link ResponseFormat.Kind#TEXT}: none.</li>
 * </ul>
 *
 * @param name the tool's name
 * @param schema its input schema
 */
record BedrockAnswerTool(String name, JsonObject schema) {
    /** The name of the tool that carries an answer of any JSON object. */
    static final String JSON_NAME = "json_answer";
    /** What the model reads about the tool. */
    static final String DESCRIPTION = "Give your answer as the input of this tool.";

    private static final JsonObject ANY_OBJECT = JsonSupport.provider().createObjectBuilder()
            .add("type", "object").build();

    /**
     * @param format the requested form of the answer
     * @return the tool that carries it, empty for free text
     */
    static Optional<BedrockAnswerTool> of(ResponseFormat format) {
        return switch (format.kind()) {
            case TEXT -> Optional.empty();
            case JSON -> Optional.of(new BedrockAnswerTool(JSON_NAME, ANY_OBJECT));
            case JSON_SCHEMA -> Optional.of(new BedrockAnswerTool(format.name().orElseThrow(),
                    format.schema().orElseThrow()));
        };
    }

    /**
     * @param format the requested form of the answer
     * @return the name of its answer tool, or {@code null} for free text
     */
    static String nameOf(ResponseFormat format) {
        return of(format).map(BedrockAnswerTool::name).orElse(null);
    }
}
