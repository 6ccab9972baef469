package dev.tollgate.impl.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a provider asks the caller to wait: {@code retry-after-ms} (milliseconds, as
 * OpenAI and Azure send), else {@code retry-after} as seconds or as an HTTP date.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * @param headers the response headers
     * @param clock the clock an HTTP date is measured against
     * @return the delay, if the headers give a valid one
     */
    public static Optional<Duration> from(HttpHeaders headers, Clock clock) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(v -> parseNumber(v, 1));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").flatMap(v -> parseNumber(v, 1000).or(() -> parseDate(v, clock)));
    }

    private static Optional<Duration> parseNumber(String value, long millisPerUnit) {
        try {
            double units = Double.parseDouble(value.strip());
            if (units < 0 || Double.isNaN(units) || Double.isInfinite(units)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(units * millisPerUnit)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseDate(String value, Clock clock) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
