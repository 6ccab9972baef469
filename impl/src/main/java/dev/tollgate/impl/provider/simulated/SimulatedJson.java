package dev.tollgate.impl.provider.simulated;

import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Makes up the smallest JSON value that fits a schema, so a structured-output request gets a
 * well-formed answer from the simulated provider: the first enum value, {@code "text"}, 1,
 * {@code true}, one-element arrays, every property of an object.
 */
final class SimulatedJson {
    private SimulatedJson() {
    }

    static JsonValue instance(JsonObject schema, String text) {
        if (schema.containsKey("enum")) {
            return schema.getJsonArray("enum").get(0);
        }
        if (schema.containsKey("anyOf")) {
            return instance(schema.getJsonArray("anyOf").getJsonObject(0), text);
        }
        JsonValue type = schema.get("type");
        String name = type == null ? "object"
                : type.getValueType() == JsonValue.ValueType.ARRAY ? ((JsonArray) type).getString(0)
                : schema.getString("type");
        return switch (name) {
            case "string" -> JsonSupport.provider().createValue(format(schema, text));
            case "integer" -> JsonSupport.provider().createValue(1);
            case "number" -> JsonSupport.provider().createValue(1.5);
            case "boolean" -> JsonValue.TRUE;
            case "null" -> JsonValue.NULL;
            case "array" -> JsonSupport.provider().createArrayBuilder()
                    .add(instance(schema.getJsonObject("items"), text)).build();
            default -> object(schema, text);
        };
    }

    private static JsonValue object(JsonObject schema, String text) {
        JsonObjectBuilder b = JsonSupport.provider().createObjectBuilder();
        JsonObject properties = schema.getJsonObject("properties");
        if (properties != null) {
            properties.forEach((k, v) -> b.add(k, instance(v.asJsonObject(), text)));
        }
        return b.build();
    }

    private static String format(JsonObject schema, String text) {
        return switch (schema.getString("format", "")) {
            case "date" -> "2026-01-01";
            case "time" -> "12:00:00";
            case "date-time" -> "2026-01-01T12:00:00Z";
            case "uuid" -> "00000000-0000-0000-0000-000000000001";
            default -> text;
        };
    }
}
