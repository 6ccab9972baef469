package dev.tollgate.sample.gateway;

import dev.tollgate.api.LlmException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * An error in OpenAI's shape, {@code {"error":{"message","type","param","code"}}}, with its HTTP status.
 *
 * @param status the HTTP status
 * @param message what went wrong, for a person
 * @param type OpenAI's error type, such as {@code invalid_request_error}
 * @param param the request field at fault, or {@code null}
 * @param code OpenAI's error code, such as {@code model_not_found}, or {@code null}
 */
public record ApiError(int status, String message, String type, String param, String code) {
    /** Looked up once: {@link JsonProvider#provider()}, behind each {@code Json.create…}, searches the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String INVALID_REQUEST = "invalid_request_error";

    /**
     * @param message what is wrong with the request
     * @param param the field at fault, or {@code null}
     * @return a 400 error
     */
    public static ApiError invalidRequest(String message, String param) {
        return new ApiError(400, message, INVALID_REQUEST, param, null);
    }

    /**
     * @param message why the caller is not let in
     * @return a 401 error
     */
    public static ApiError invalidApiKey(String message) {
        return new ApiError(401, message, INVALID_REQUEST, null, "invalid_api_key");
    }

    /**
     * @param alias the model the request named
     * @return a 404 error
     */
    public static ApiError unknownModel(String alias) {
        return new ApiError(404, "The model `" + alias + "` does not exist or you do not have access to it.",
                INVALID_REQUEST, "model", "model_not_found");
    }

    /**
     * @param method the HTTP method
     * @param path the path asked for
     * @return a 404 error
     */
    public static ApiError unknownUrl(String method, String path) {
        return new ApiError(404, "Unknown request URL: " + method + " " + path + ".", INVALID_REQUEST, null,
                "unknown_url");
    }

    /**
     * @param message why the request is throttled
     * @return a 429 error
     */
    public static ApiError rateLimited(String message) {
        return new ApiError(429, message, "requests", null, "rate_limit_exceeded");
    }

    /**
     * The error a failed provider call gives the client, by its category.
     *
     * @param e the failure
     * @return the error
     */
    public static ApiError of(LlmException e) {
        String message = e.getMessage();
        return switch (e.category()) {
            case AUTHENTICATION -> new ApiError(401, message, "authentication_error", null, "invalid_api_key");
            case PERMISSION -> new ApiError(403, message, "permission_error", null, null);
            case INVALID_REQUEST -> new ApiError(400, message, INVALID_REQUEST, null, null);
            case CONTEXT_LENGTH_EXCEEDED ->
                    new ApiError(400, message, INVALID_REQUEST, "messages", "context_length_exceeded");
            case CONTENT_FILTERED -> new ApiError(400, message, INVALID_REQUEST, null, "content_filter");
            case MODEL_NOT_FOUND -> new ApiError(404, message, INVALID_REQUEST, "model", "model_not_found");
            case RATE_LIMITED -> rateLimited(message);
            case QUOTA_EXCEEDED -> new ApiError(429, message, "insufficient_quota", null, "insufficient_quota");
            case TIMEOUT -> new ApiError(504, message, "timeout", null, "timeout");
            case OVERLOADED -> new ApiError(503, message, "server_error", null, "overloaded");
            case NETWORK, SERVER_ERROR, INVALID_RESPONSE -> new ApiError(502, message, "server_error", null,
                    "upstream_error");
            case CANCELLED -> new ApiError(500, message, "server_error", null, "cancelled");
        };
    }

    /**
     * @param text the replacement message
     * @return this error with another message
     */
    public ApiError withMessage(String text) {
        return new ApiError(status, text, type, param, code);
    }

    /** @return the error as OpenAI's JSON body */
    public JsonObject toJson() {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("message", message).add("type", type);
        nullable(error, "param", param);
        nullable(error, "code", code);
        return JSON.createObjectBuilder().add("error", error).build();
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
