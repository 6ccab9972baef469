package dev.tollgate.sample.gateway;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads OpenAI's chat completion request into a {@link CompletionRequest}.
 *
 * <p>Fields are handled deliberately, never dropped by accident:
 * <ul>
 *   <li>mapped: {@code model}, {@code messages} (system, developer as system, user, assistant with
 *       {@code tool_calls}, tool; text content as a string or text parts), {@code temperature},
 *       {@code top_p}, {@code max_completion_tokens} (else {@code max_tokens}), {@code stop},
 *       {@code seed}, {@code response_format} (text, json_object, json_schema), {@code tools},
 *       {@code stream}, {@code stream_options.include_usage};</li>
 *   <li>sent to the provider as given, for the providers that know them: non-zero
 *       {@code frequency_penalty}, {@code presence_penalty}, non-empty {@code logit_bias},
 *       {@code reasoning_effort};</li>
 *   <li>refused with 400, since the answer could not honour them: {@code n} other than 1,
 *       {@code logprobs: true}, {@code top_logprobs}, {@code tool_choice} other than
 *       {@code auto} or {@code none} ({@code none} withholds the tools), modalities other than
 *       text, {@code audio}, non-text content parts;</li>
 *   <li>ignored, as they do not change the answer: {@code user}, {@code metadata}, {@code store},
 *       {@code parallel_tool_calls}, {@code service_tier}, {@code prompt_cache_key},
 *       {@code safety_identifier}, {@code stream_options.include_obfuscation} and any unknown field.</li>
 * </ul>
 */
public final class CompletionRequestReader {
    private static final Set<String> PASSED_THROUGH = Set.of("frequency_penalty", "presence_penalty", "logit_bias",
            "reasoning_effort");

    private CompletionRequestReader() {
    }

    /**
     * @param body the request body
     * @return the request
     * @throws InvalidRequestException if a field is missing, of the wrong type or not supported
     */
    public static CompletionRequest read(JsonObject body) {
        String model = requiredString(body, "model");
        ChatRequest.Builder chat = ChatRequest.builder();
        JsonArray messages = array(body, "messages");
        if (messages == null || messages.isEmpty()) {
            throw new InvalidRequestException("'messages' must be a non-empty array.", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            String path = "messages[" + i + "]";
            chat.message(message(objectAt(messages, i, path), path));
        }
        chat.temperature(number(body, "temperature"));
        chat.topP(number(body, "top_p"));
        Integer maxTokens = integer(body, "max_completion_tokens");
        chat.maxTokens(maxTokens != null ? maxTokens : integer(body, "max_tokens"));
        chat.stop(stop(body));
        Integer seed = integer(body, "seed");
        chat.seed(seed == null ? null : seed.longValue());
        chat.responseFormat(responseFormat(body));
        if (!"none".equals(toolChoice(body))) {
            chat.tools(tools(body));
        }
        refuseUnsupported(body);
        passThrough(body, chat);
        boolean stream = bool(body, "stream");
        JsonObject streamOptions = object(body, "stream_options");
        boolean includeUsage = streamOptions != null && bool(streamOptions, "include_usage");
        try {
            return new CompletionRequest(model, chat.build(), stream, includeUsage);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), null);
        }
    }

    private static Message message(JsonObject m, String path) {
        String role = requiredString(m, "role", path + ".role");
        String content = content(m, path);
        return switch (role) {
            case "system", "developer" -> Message.system(required(content, path));
            case "user" -> Message.user(required(content, path));
            case "assistant" -> {
                List<ToolCall> calls = toolCalls(m, path);
                yield calls.isEmpty() ? Message.assistant(content == null ? "" : content)
                        : Message.assistant(content == null ? "" : content, calls);
            }
            case "tool" -> Message.toolResult(requiredString(m, "tool_call_id", path + ".tool_call_id"),
                    required(content, path));
            default -> throw new InvalidRequestException("Invalid value for '" + path + ".role': '" + role
                    + "'. Supported values are: 'system', 'developer', 'user', 'assistant' and 'tool'.", path + ".role");
        };
    }

    private static String required(String content, String path) {
        if (content == null) {
            throw new InvalidRequestException("Missing required parameter: '" + path + ".content'.", path + ".content");
        }
        return content;
    }

    /** The text of a message: a string, or the concatenation of its text parts. */
    private static String content(JsonObject m, String path) {
        JsonValue content = member(m, "content");
        if (content == null) {
            return null;
        }
        if (content instanceof JsonString s) {
            return s.getString();
        }
        if (content.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidRequestException("Invalid type for '" + path + ".content': expected a string or an array.",
                    path + ".content");
        }
        StringBuilder text = new StringBuilder();
        JsonArray parts = content.asJsonArray();
        for (int i = 0; i < parts.size(); i++) {
            String partPath = path + ".content[" + i + "]";
            JsonObject part = parts.get(i).getValueType() == JsonValue.ValueType.OBJECT ? parts.getJsonObject(i) : null;
            String type = part == null ? null : part.getString("type", null);
            if (!"text".equals(type)) {
                throw new InvalidRequestException("Content parts of type '" + type
                        + "' are not supported by this gateway; send text.", partPath);
            }
            text.append(requiredString(part, "text", partPath + ".text"));
        }
        return text.toString();
    }

    private static List<ToolCall> toolCalls(JsonObject m, String path) {
        JsonArray calls = array(m, "tool_calls", path + ".tool_calls");
        if (calls == null) {
            return List.of();
        }
        List<ToolCall> result = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            String callPath = path + ".tool_calls[" + i + "]";
            JsonObject call = objectAt(calls, i, callPath);
            JsonObject function = object(call, "function", callPath + ".function");
            if (function == null) {
                throw new InvalidRequestException("Missing required parameter: '" + callPath + ".function'.",
                        callPath + ".function");
            }
            result.add(new ToolCall(requiredString(call, "id", callPath + ".id"),
                    requiredString(function, "name", callPath + ".function.name"),
                    requiredString(function, "arguments", callPath + ".function.arguments")));
        }
        return result;
    }

    private static String[] stop(JsonObject body) {
        JsonValue stop = member(body, "stop");
        if (stop == null) {
            return new String[0];
        }
        if (stop instanceof JsonString s) {
            return new String[] {s.getString()};
        }
        if (stop.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArray list = stop.asJsonArray();
            if (list.size() > 4) {
                throw new InvalidRequestException("'stop' holds at most 4 sequences.", "stop");
            }
            String[] sequences = new String[list.size()];
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof JsonString s)) {
                    throw new InvalidRequestException("Invalid type for 'stop[" + i + "]': expected a string.", "stop");
                }
                sequences[i] = s.getString();
            }
            return sequences;
        }
        throw new InvalidRequestException("Invalid type for 'stop': expected a string or an array of strings.", "stop");
    }

    private static ResponseFormat responseFormat(JsonObject body) {
        JsonObject format = object(body, "response_format");
        if (format == null) {
            return ResponseFormat.text();
        }
        String type = requiredString(format, "type", "response_format.type");
        return switch (type) {
            case "text" -> ResponseFormat.text();
            case "json_object" -> ResponseFormat.json();
            case "json_schema" -> {
                JsonObject spec = object(format, "json_schema", "response_format.json_schema");
                if (spec == null) {
                    throw new InvalidRequestException("Missing required parameter: 'response_format.json_schema'.",
                            "response_format.json_schema");
                }
                String name = requiredString(spec, "name", "response_format.json_schema.name");
                JsonObject schema = object(spec, "schema", "response_format.json_schema.schema");
                try {
                    yield ResponseFormat.jsonSchema(name, schema == null ? JsonValue.EMPTY_JSON_OBJECT : schema);
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException(e.getMessage(), "response_format.json_schema.name");
                }
            }
            default -> throw new InvalidRequestException("Invalid value for 'response_format.type': '" + type
                    + "'. Supported values are: 'text', 'json_object' and 'json_schema'.", "response_format.type");
        };
    }

    private static List<Tool> tools(JsonObject body) {
        JsonArray tools = array(body, "tools");
        if (tools == null) {
            return List.of();
        }
        List<Tool> result = new ArrayList<>(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            String path = "tools[" + i + "]";
            JsonObject tool = objectAt(tools, i, path);
            String type = requiredString(tool, "type", path + ".type");
            if (!"function".equals(type)) {
                throw new InvalidRequestException("Tools of type '" + type + "' are not supported by this gateway.",
                        path + ".type");
            }
            JsonObject function = object(tool, "function", path + ".function");
            if (function == null) {
                throw new InvalidRequestException("Missing required parameter: '" + path + ".function'.",
                        path + ".function");
            }
            JsonObject parameters = object(function, "parameters", path + ".function.parameters");
            try {
                result.add(Tool.of(requiredString(function, "name", path + ".function.name"),
                        function.getString("description", ""),
                        parameters == null ? JsonValue.EMPTY_JSON_OBJECT : parameters));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(e.getMessage(), path + ".function.name");
            }
        }
        return result;
    }

    private static String toolChoice(JsonObject body) {
        JsonValue choice = member(body, "tool_choice");
        if (choice == null) {
            return "auto";
        }
        if (choice instanceof JsonString s && (s.getString().equals("auto") || s.getString().equals("none"))) {
            return s.getString();
        }
        throw new InvalidRequestException("'tool_choice' other than 'auto' or 'none' is not supported by this gateway.",
                "tool_choice");
    }

    private static void refuseUnsupported(JsonObject body) {
        Integer n = integer(body, "n");
        if (n != null && n != 1) {
            throw new InvalidRequestException("This gateway returns one choice; 'n' must be 1.", "n");
        }
        if (bool(body, "logprobs") || isSet(body, "top_logprobs")) {
            throw new InvalidRequestException("Log probabilities are not supported by this gateway.", "logprobs");
        }
        JsonArray modalities = array(body, "modalities");
        if (modalities != null && !modalities.stream().allMatch(v -> v instanceof JsonString s
                && s.getString().toLowerCase(Locale.ROOT).equals("text"))) {
            throw new InvalidRequestException("This gateway answers with text only.", "modalities");
        }
        if (isSet(body, "audio")) {
            throw new InvalidRequestException("Audio output is not supported by this gateway.", "audio");
        }
    }

    private static void passThrough(JsonObject body, ChatRequest.Builder chat) {
        for (String name : PASSED_THROUGH) {
            JsonValue value = member(body, name);
            if (value == null || value instanceof JsonNumber number && number.doubleValue() == 0
                    || value.getValueType() == JsonValue.ValueType.OBJECT && value.asJsonObject().isEmpty()) {
                continue;
            }
            chat.extra(name, JsonValues.toJava(value));
        }
    }

    /** The member's value, or {@code null} when it is absent or JSON {@code null}. */
    private static JsonValue member(JsonObject o, String name) {
        JsonValue value = o.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static boolean isSet(JsonObject o, String name) {
        return member(o, name) != null;
    }

    private static String requiredString(JsonObject o, String name) {
        return requiredString(o, name, name);
    }

    private static String requiredString(JsonObject o, String name, String path) {
        JsonValue value = member(o, name);
        if (value == null) {
            throw new InvalidRequestException("Missing required parameter: '" + path + "'.", path);
        }
        if (!(value instanceof JsonString s)) {
            throw new InvalidRequestException("Invalid type for '" + path + "': expected a string.", path);
        }
        return s.getString();
    }

    private static Double number(JsonObject o, String name) {
        JsonValue value = member(o, name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber n)) {
            throw new InvalidRequestException("Invalid type for '" + name + "': expected a number.", name);
        }
        return n.doubleValue();
    }

    private static Integer integer(JsonObject o, String name) {
        JsonValue value = member(o, name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
            throw new InvalidRequestException("Invalid type for '" + name + "': expected an integer.", name);
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidRequestException("Invalid value for '" + name + "': out of range.", name);
        }
    }

    private static boolean bool(JsonObject o, String name) {
        JsonValue value = member(o, name);
        if (value == null) {
            return false;
        }
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
            throw new InvalidRequestException("Invalid type for '" + name + "': expected a boolean.", name);
        }
        return value.getValueType() == JsonValue.ValueType.TRUE;
    }

    private static JsonObject object(JsonObject o, String name) {
        return object(o, name, name);
    }

    private static JsonObject object(JsonObject o, String name, String path) {
        JsonValue value = typed(member(o, name), JsonValue.ValueType.OBJECT, "an object", path);
        return value == null ? null : value.asJsonObject();
    }

    private static JsonObject objectAt(JsonArray array, int i, String path) {
        return typed(array.get(i), JsonValue.ValueType.OBJECT, "an object", path).asJsonObject();
    }

    private static JsonArray array(JsonObject o, String name) {
        return array(o, name, name);
    }

    private static JsonArray array(JsonObject o, String name, String path) {
        JsonValue value = typed(member(o, name), JsonValue.ValueType.ARRAY, "an array", path);
        return value == null ? null : value.asJsonArray();
    }

    /** The value, unless it is present and not of the type expected. */
    private static JsonValue typed(JsonValue value, JsonValue.ValueType type, String expected, String path) {
        if (value != null && value.getValueType() != type) {
            throw new InvalidRequestException("Invalid type for '" + path + "': expected " + expected + ".", path);
        }
        return value;
    }
}
