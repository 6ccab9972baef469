package dev.tollgate.impl.structured;

import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Derives the JSON schema of a record or class the way JSON-B maps it: record components, or
 * public fields and getter properties, named by {@link JsonbProperty}, without
 * {@link JsonbTransient} ones. Every property is required and no other is allowed, which is what
 * providers' strict structured-output modes accept; a property that may be absent
 * ({@link Optional}, a boxed number) may be {@code null} instead.
 *
 * <p>Mapped types: strings and characters, booleans, integral and decimal numbers, enums,
 * {@code java.time} dates and times, {@link UUID}, arrays and collections, maps with string keys,
 * {@link Optional}, and nested records and classes. A type that refers to itself has no finite
 * schema and is refused.
 */
public final class JsonSchemas {
    private static final ClassValue<JsonObject> CACHE = new ClassValue<>() {
        @Override
        protected JsonObject computeValue(Class<?> type) {
            return new JsonSchemas().object(type);
        }
    };

    private final Deque<Class<?>> path = new ArrayDeque<>();

    private JsonSchemas() {
    }

    /**
     * @param type a record or a class with properties
     * @return its JSON schema, an object schema
     * @throws IllegalArgumentException if a property has a type without a JSON schema
     */
    public static JsonObject of(Class<?> type) {
        return CACHE.get(type);
    }

    private JsonObject object(Class<?> type) {
        if (path.contains(type)) {
            throw new IllegalArgumentException("type " + type.getName() + " refers to itself; a JSON schema for "
                    + "structured output must be finite");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) && !type.isArray()) {
            throw new IllegalArgumentException("no JSON schema for abstract type " + type.getName());
        }
        path.push(type);
        try {
            Map<String, Type> properties = properties(type);
            if (properties.isEmpty()) {
                throw new IllegalArgumentException("type " + type.getName() + " has no property for JSON-B to map");
            }
            JsonObjectBuilder props = JsonSupport.provider().createObjectBuilder();
            JsonArrayBuilder required = JsonSupport.provider().createArrayBuilder();
            properties.forEach((name, propertyType) -> {
                props.add(name, schema(propertyType, name, type));
                required.add(name);
            });
            return JsonSupport.provider().createObjectBuilder()
                    .add("type", "object")
                    .add("properties", props)
                    .add("required", required)
                    .add("additionalProperties", false)
                    .build();
        } finally {
            path.pop();
        }
    }

    private static Map<String, Type> properties(Class<?> type) {
        Map<String, Type> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (!c.isAnnotationPresent(JsonbTransient.class) && !c.getAccessor().isAnnotationPresent(JsonbTransient.class)) {
                    properties.put(name(c.getName(), c.getAnnotation(JsonbProperty.class),
                            c.getAccessor().getAnnotation(JsonbProperty.class)), c.getGenericType());
                }
            }
            return properties;
        }
        for (Field f : type.getFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isAnnotationPresent(JsonbTransient.class)) {
                properties.put(name(f.getName(), f.getAnnotation(JsonbProperty.class), null), f.getGenericType());
            }
        }
        for (Method g : type.getMethods()) {
            String property = getterProperty(g);
            if (property != null && !g.isAnnotationPresent(JsonbTransient.class) && !transientField(type, property)) {
                properties.putIfAbsent(name(property, g.getAnnotation(JsonbProperty.class), fieldAnnotation(type, property)),
                        g.getGenericReturnType());
            }
        }
        return properties;
    }

    private static String getterProperty(Method m) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) {
            return decapitalize(n.substring(3));
        }
        if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return decapitalize(n.substring(2));
        }
        return null;
    }

    private static String decapitalize(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean transientField(Class<?> type, String property) {
        Field f = declaredField(type, property);
        return f != null && (Modifier.isTransient(f.getModifiers()) || f.isAnnotationPresent(JsonbTransient.class));
    }

    private static JsonbProperty fieldAnnotation(Class<?> type, String property) {
        Field f = declaredField(type, property);
        return f == null ? null : f.getAnnotation(JsonbProperty.class);
    }

    private static Field declaredField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private static String name(String javaName, JsonbProperty first, JsonbProperty second) {
        for (JsonbProperty p : new JsonbProperty[] {first, second}) {
            if (p != null && !p.value().isEmpty()) {
                return p.value();
            }
        }
        return javaName;
    }

    private JsonObject schema(Type type, String property, Class<?> owner) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return nullable(schema(args[0], property, owner));
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return array(schema(args[0], property, owner));
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (args[0] != String.class) {
                    throw unsupported(type, property, owner);
                }
                return JsonSupport.provider().createObjectBuilder().add("type", "object")
                        .add("additionalProperties", schema(args[1], property, owner)).build();
            }
            throw unsupported(type, property, owner);
        }
        if (type instanceof GenericArrayType g) {
            return array(schema(g.getGenericComponentType(), property, owner));
        }
        if (!(type instanceof Class<?> c)) {
            throw unsupported(type, property, owner);
        }
        if (c.isArray()) {
            return array(schema(c.getComponentType(), property, owner));
        }
        if (c == OptionalInt.class || c == OptionalLong.class) {
            return nullable(simple("integer"));
        }
        if (c == OptionalDouble.class) {
            return nullable(simple("number"));
        }
        JsonObject simple = scalar(c);
        if (simple != null) {
            return c.isPrimitive() || c == String.class || c.isEnum() || simple.containsKey("format")
                    ? simple : nullable(simple);
        }
        if (c.getName().startsWith("java.") || c.getName().startsWith("javax.")) {
            throw unsupported(type, property, owner);
        }
        return object(c);
    }

    private static JsonObject scalar(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class || c == CharSequence.class) {
            return simple("string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return simple("boolean");
        }
        if (c == int.class || c == long.class || c == short.class || c == byte.class || c == Integer.class
                || c == Long.class || c == Short.class || c == Byte.class || c == BigInteger.class) {
            return simple("integer");
        }
        if (c == double.class || c == float.class || c == Double.class || c == Float.class || c == BigDecimal.class) {
            return simple("number");
        }
        if (c.isEnum()) {
            JsonArrayBuilder values = JsonSupport.provider().createArrayBuilder();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return JsonSupport.provider().createObjectBuilder().add("type", "string").add("enum", values).build();
        }
        String format = c == LocalDate.class ? "date"
                : c == LocalTime.class ? "time"
                : c == LocalDateTime.class || c == OffsetDateTime.class || c == ZonedDateTime.class
                        || c == Instant.class ? "date-time"
                : c == UUID.class ? "uuid" : null;
        return format == null ? null
                : JsonSupport.provider().createObjectBuilder().add("type", "string").add("format", format).build();
    }

    private static JsonObject simple(String type) {
        return JsonSupport.provider().createObjectBuilder().add("type", type).build();
    }

    private static JsonObject array(JsonObject items) {
        return JsonSupport.provider().createObjectBuilder().add("type", "array").add("items", items).build();
    }

    private static JsonObject nullable(JsonObject schema) {
        JsonValue type = schema.get("type");
        if (type != null && type.getValueType() == JsonValue.ValueType.ARRAY
                && ((jakarta.json.JsonArray) type).contains(JsonSupport.provider().createValue("null"))) {
            return schema;
        }
        if (!schema.containsKey("type") || schema.get("type").getValueType() != JsonValue.ValueType.STRING) {
            return JsonSupport.provider().createObjectBuilder()
                    .add("anyOf", JsonSupport.provider().createArrayBuilder().add(schema).add(simple("null"))).build();
        }
        JsonObjectBuilder b = JsonSupport.provider().createObjectBuilder(schema);
        b.add("type", JsonSupport.provider().createArrayBuilder().add(schema.getString("type")).add("null"));
        return b.build();
    }

    private static IllegalArgumentException unsupported(Type type, String property, Class<?> owner) {
        return new IllegalArgumentException("property '" + property + "' of " + owner.getName() + " has type "
                + type.getTypeName() + ", which has no JSON schema for structured output");
    }
}
