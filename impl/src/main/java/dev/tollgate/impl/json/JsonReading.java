package dev.tollgate.impl.json;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.function.Consumer;

/** Small steps of streaming reads, for readers that pick a few fields out of a document. */
public final class JsonReading {
    private JsonReading() {
    }

    /**
     * Skips the value that starts with the given event.
     *
     * @param p the parser, positioned on {@code event}
     * @param event the first event of the value
     */
    public static void skip(JsonParser p, Event event) {
        if (event == Event.START_OBJECT) {
            p.skipObject();
        } else if (event == Event.START_ARRAY) {
            p.skipArray();
        }
    }

    /**
     * @param p the parser, positioned on {@code event}
     * @param event the event of the value
     * @return the string, or {@code null} for a JSON null or a non-string value (which is skipped)
     */
    public static String string(JsonParser p, Event event) {
        if (event == Event.VALUE_STRING) {
            return p.getString();
        }
        skip(p, event);
        return null;
    }

    /**
     * @param p the parser, positioned on {@code event}
     * @param event the event of the value
     * @return the number as a long, or 0 for a JSON null or a non-number (which is skipped)
     */
    public static long number(JsonParser p, Event event) {
        if (event == Event.VALUE_NUMBER) {
            return p.getLong();
        }
        skip(p, event);
        return 0;
    }

    /**
     * @param p the parser, positioned on {@code event}
     * @param event the event that must start an object
     * @throws JsonParsingException if it does not
     */
    public static void expectObject(JsonParser p, Event event) {
        if (event != Event.START_OBJECT) {
            throw new JsonParsingException("expected an object but found " + event, p.getLocation());
        }
    }

    /**
     * Hands each member of an object value to {@code member}, which reads or skips its value; a
     * value that is no object is skipped.
     *
     * @param p the parser, positioned on {@code event}
     * @param event the first event of the value
     * @param member reads one member, with the parser on the first event of its value
     */
    public static void members(JsonParser p, Event event, Member member) {
        if (event != Event.START_OBJECT) {
            skip(p, event);
            return;
        }
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            member.read(key, p.next());
        }
    }

    /** Reads one member of an object for {@link #members}. */
    @FunctionalInterface
    public interface Member {
        /**
         * @param key the member's name
         * @param event the first event of its value, on which the parser stands; the value must be
         *     read or skipped
         */
        void read(String key, Event event);
    }

    /**
     * @param text a JSON document, such as the arguments of a tool call
     * @return the value it holds, or {@code null} if it is not JSON
     */
    public static JsonValue value(String text) {
        try (JsonReader reader = JsonSupport.provider().createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * @param text a JSON document that must be exactly one object
     * @param what what the object is, for the error on text after it
     * @return the object
     * @throws JsonParsingException if the text does not start with an object or goes on after it
     * @throws java.util.NoSuchElementException if the text is empty
     */
    public static JsonObject object(String text, String what) {
        try (JsonParser p = JsonSupport.parser(text)) {
            expectObject(p, p.next());
            JsonObject object = p.getObject();
            if (p.hasNext()) {
                throw new JsonParsingException("text after the " + what, p.getLocation());
            }
            return object;
        }
    }

    /**
     * Reads the first object of an array value and skips the other elements; a value that is no
     * array is skipped.
     *
     * @param p the parser, positioned on {@code event}
     * @param event the first event of the value
     * @param element reads the object's members, with the parser after its {@code START_OBJECT}
     * @return whether the array had an object
     */
    public static boolean firstObject(JsonParser p, Event event, Consumer<JsonParser> element) {
        if (event != Event.START_ARRAY) {
            skip(p, event);
            return false;
        }
        boolean found = false;
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (!found && e == Event.START_OBJECT) {
                element.accept(p);
                found = true;
            } else {
                skip(p, e);
            }
        }
        return found;
    }

    /**
     * Reads every object of an array value and skips the other elements; a value that is no array
     * is skipped.
     *
     * @param p the parser, positioned on {@code event}
     * @param event the first event of the value
     * @param element reads one object's members, with the parser after its {@code START_OBJECT}
     */
    public static void eachObject(JsonParser p, Event event, Consumer<JsonParser> element) {
        if (event != Event.START_ARRAY) {
            skip(p, event);
            return;
        }
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (e == Event.START_OBJECT) {
                element.accept(p);
            } else {
                skip(p, e);
            }
        }
    }
}
