package dev.tollgate.impl.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Parses durations written as ISO-8601 ({@code PT60S}) or as a number with a unit ({@code 500ms}, {@code 60s}). */
public final class Durations {
    /** What {@link #parse(String)} accepts, for error messages. */
    public static final String FORMAT = "an ISO-8601 duration such as PT60S, or a number with ms, s, m or h";

    private Durations() {
    }

    /**
     * @param text the duration
     * @return the duration
     * @throws IllegalArgumentException if the text is not a non-negative duration
     */
    public static Duration parse(String text) {
        String t = text.strip();
        Duration d;
        try {
            if (t.regionMatches(true, 0, "P", 0, 1)) {
                d = Duration.parse(t);
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1).strip()));
            } else {
                throw new IllegalArgumentException(text);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(text);
        }
        return d;
    }
}
