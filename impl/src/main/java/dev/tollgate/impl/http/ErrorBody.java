package dev.tollgate.impl.http;

import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The code, type and message of a provider's error body, read from the shapes providers use:
 * {@code {"error":{"message","type","code","status"}}}, {@code {"error":"text"}}, and top-level
 * {@code message}, {@code type}, {@code code} or {@code detail}. A body that is not JSON (an HTML
 * page from a proxy) gives only a short description of itself.
 *
 * @param code the provider's error code, or {@code null}
 * @param type the provider's error type or status word, or {@code null}
 * @param message the provider's message, or {@code null}
 */
public record ErrorBody(String code, String type, String message) {
    private static final int MAX_MESSAGE = 500;

    /**
     * @param response an error response
     * @param secret a credential to mask in the message before it is shortened, or {@code null};
     *     masking after shortening would miss a credential cut in half
     * @return what its body says
     */
    public static ErrorBody of(HttpResponse<byte[]> response, String secret) {
        return of(response.headers(), response.body(), secret);
    }

    /**
     * @param headers the headers of an error response
     * @param body its body
     * @param secret a credential to mask, or {@code null}
     * @return what the body says
     */
    public static ErrorBody of(java.net.http.HttpHeaders headers, byte[] body, String secret) {
        if (body == null || body.length == 0) {
            return new ErrorBody(null, null, null);
        }
        String contentType = headers.firstValue("content-type").orElse("");
        if (!contentType.isEmpty() && !contentType.contains("json")) {
            return new ErrorBody(null, null, "non-JSON error body (" + contentType + ", " + body.length + " bytes)");
        }
        try (JsonParser p = JsonSupport.parser(body)) {
            return read(p, secret);
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            String text = Secrets.mask(new String(body, StandardCharsets.UTF_8).strip(), secret);
            return new ErrorBody(null, null, "unparseable error body: " + abbreviate(text));
        }
    }

    private static ErrorBody read(JsonParser p, String secret) {
        Event first = p.next();
        if (first != Event.START_OBJECT) {
            return new ErrorBody(null, null, null);
        }
        String code = null;
        String type = null;
        String message = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "error" -> {
                    if (v == Event.START_OBJECT) {
                        ErrorBody inner = readObject(p);
                        code = inner.code;
                        type = inner.type;
                        message = inner.message;
                    } else if (v == Event.VALUE_STRING) {
                        message = p.getString();
                    } else {
                        JsonReading.skip(p, v);
                    }
                }
                case "message", "detail" -> {
                    if (message == null) {
                        message = text(p, v);
                    } else {
                        JsonReading.skip(p, v);
                    }
                }
                case "type" -> type = type != null ? type : scalar(p, v);
                case "code" -> code = code != null ? code : scalar(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        return new ErrorBody(code, type, message == null ? null : abbreviate(Secrets.mask(message, secret)));
    }

    private static ErrorBody readObject(JsonParser p) {
        String code = null;
        String type = null;
        String message = null;
        String status = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "message" -> message = scalar(p, v);
                case "type" -> type = scalar(p, v);
                case "code" -> code = scalar(p, v);
                case "status" -> status = scalar(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        return new ErrorBody(code, type != null ? type : status, message);
    }

    /**
     * A message as text: a string, or the {@code msg} items of a validation error list, bare or
     * under {@code detail} (FastAPI's shape, used by Mistral and vLLM).
     */
    private static String text(JsonParser p, Event v) {
        if (v == Event.START_ARRAY) {
            StringBuilder sb = new StringBuilder();
            for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
                String item = e == Event.START_OBJECT ? validationMessage(p) : scalar(p, e);
                if (item != null) {
                    sb.append(sb.length() == 0 ? "" : "; ").append(item);
                }
            }
            return sb.length() == 0 ? null : sb.toString();
        }
        if (v == Event.START_OBJECT) {
            String found = null;
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event inner = p.next();
                if (found == null && (key.equals("detail") || key.equals("message"))) {
                    found = text(p, inner);
                } else {
                    JsonReading.skip(p, inner);
                }
            }
            return found;
        }
        return scalar(p, v);
    }

    private static String validationMessage(JsonParser p) {
        String msg = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (key.equals("msg") || key.equals("message")) {
                msg = scalar(p, v);
            } else {
                JsonReading.skip(p, v);
            }
        }
        return msg;
    }

    private static String scalar(JsonParser p, Event v) {
        return switch (v) {
            case VALUE_STRING, VALUE_NUMBER -> p.getString();
            default -> {
                JsonReading.skip(p, v);
                yield null;
            }
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }

    /**
     * @param words lower-case fragments
     * @return whether the code, type or message contains any of them, ignoring case
     */
    public boolean mentions(String... words) {
        for (String field : new String[] {code, type, message}) {
            if (field != null) {
                String lower = field.toLowerCase(java.util.Locale.ROOT);
                for (String w : words) {
                    if (lower.contains(w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
