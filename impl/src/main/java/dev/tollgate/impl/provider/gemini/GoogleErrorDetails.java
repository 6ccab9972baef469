package dev.tollgate.impl.provider.gemini;

import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The typed {@code details} of a Google API error body ({@code google.rpc.Status}) that decide how
 * a failure is classified: the reasons of {@code ErrorInfo}, the quotas a {@code QuotaFailure} says
 * were exceeded, and the delay of {@code RetryInfo}.
 *
 * @param reasons the {@code ErrorInfo.reason}s, such as {@code API_KEY_INVALID}
 * @param quotaViolations the exceeded quotas
 * @param retryDelay how long {@code RetryInfo} asks to wait, if it does
 */
record GoogleErrorDetails(List<String> reasons, List<QuotaViolation> quotaViolations,
        Optional<Duration> retryDelay) {
    static final GoogleErrorDetails NONE = new GoogleErrorDetails(List.of(), List.of(), Optional.empty());

    private static final String TYPE_PREFIX = "type.googleapis.com/google.rpc.";
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Integer.MAX_VALUE);

    /**
     * One violation of a {@code QuotaFailure}.
     *
     * @param quotaId the quota, such as {@code GenerateRequestsPerDayPerProjectPerModel-FreeTier},
     *     or {@code null}
     * @param quotaValue the quota's limit, such as {@code "0"}, or {@code null}
     */
    record QuotaViolation(String quotaId, String quotaValue) {
    }

    GoogleErrorDetails {
        reasons = List.copyOf(reasons);
        quotaViolations = List.copyOf(quotaViolations);
    }

    /**
     * @param body an error body, {@code {"error": {"code", "message", "status", "details": [...]}}}
     * @return its details; {@link #NONE} if it has none or is not such JSON
     */
    static GoogleErrorDetails read(byte[] body) {
        if (body == null || body.length == 0) {
            return NONE;
        }
        try (JsonParser p = JsonSupport.parser(body)) {
            if (p.next() != Event.START_OBJECT) {
                return NONE;
            }
            GoogleErrorDetails details = NONE;
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                if (key.equals("error") && v == Event.START_OBJECT) {
                    details = readStatus(p);
                } else {
                    JsonReading.skip(p, v);
                }
            }
            return details;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            return NONE;
        }
    }

    /**
     * @param reason an {@code ErrorInfo} reason
     * @return whether the body carries it
     */
    boolean hasReason(String reason) {
        return reasons.contains(reason);
    }

    /**
     * Whether waiting seconds cannot help: a violated quota that is counted per day, or whose limit
     * is zero (a model the account's tier gets no quota for at all).
     *
     * @return whether such a quota is among the violations
     */
    boolean quotaExhaustedUntilReset() {
        for (QuotaViolation v : quotaViolations) {
            boolean daily = v.quotaId() != null && (v.quotaId().contains("PerDay") || v.quotaId().contains("Daily"));
            if (daily || "0".equals(v.quotaValue())) {
                return true;
            }
        }
        return false;
    }

    private static GoogleErrorDetails readStatus(JsonParser p) {
        List<String> reasons = new ArrayList<>();
        List<QuotaViolation> violations = new ArrayList<>();
        Duration retryDelay = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (!key.equals("details") || v != Event.START_ARRAY) {
                JsonReading.skip(p, v);
                continue;
            }
            for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
                if (e != Event.START_OBJECT) {
                    JsonReading.skip(p, e);
                    continue;
                }
                Detail detail = readDetail(p);
                switch (detail.type()) {
                    case TYPE_PREFIX + "ErrorInfo" -> {
                        if (detail.reason() != null) {
                            reasons.add(detail.reason());
                        }
                    }
                    case TYPE_PREFIX + "QuotaFailure" -> violations.addAll(detail.violations());
                    case TYPE_PREFIX + "RetryInfo" -> retryDelay = detail.retryDelay();
                    default -> {
                        // Help, LocalizedMessage, BadRequest and others change nothing
                    }
                }
            }
        }
        return new GoogleErrorDetails(reasons, violations, Optional.ofNullable(retryDelay));
    }

    /** The fields of one detail that matter, whatever its type; {@code @type} may come last. */
    private record Detail(String type, String reason, List<QuotaViolation> violations, Duration retryDelay) {
    }

    private static Detail readDetail(JsonParser p) {
        String type = "";
        String reason = null;
        List<QuotaViolation> violations = List.of();
        Duration retryDelay = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "@type" -> type = String.valueOf(JsonReading.string(p, v));
                case "reason" -> reason = JsonReading.string(p, v);
                case "violations" -> violations = readViolations(p, v);
                case "retryDelay" -> retryDelay = duration(JsonReading.string(p, v));
                default -> JsonReading.skip(p, v);
            }
        }
        return new Detail(type, reason, violations, retryDelay);
    }

    private static List<QuotaViolation> readViolations(JsonParser p, Event v) {
        if (v != Event.START_ARRAY) {
            JsonReading.skip(p, v);
            return List.of();
        }
        List<QuotaViolation> violations = new ArrayList<>();
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (e != Event.START_OBJECT) {
                JsonReading.skip(p, e);
                continue;
            }
            String quotaId = null;
            String quotaValue = null;
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event f = p.next();
                switch (key) {
                    case "quotaId" -> quotaId = JsonReading.string(p, f);
                    case "quotaValue" -> quotaValue = f == Event.VALUE_NUMBER ? p.getString()
                            : JsonReading.string(p, f);
                    default -> JsonReading.skip(p, f);
                }
            }
            violations.add(new QuotaViolation(quotaId, quotaValue));
        }
        return violations;
    }

    /**
     * @param value a protobuf {@code Duration} in JSON: seconds with an {@code s} suffix, such as
     *     {@code "7s"} or {@code "0.250s"}
     * @return the duration, or {@code null} if the value is not one
     */
    private static Duration duration(String value) {
        if (value == null || !value.endsWith("s")) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value.substring(0, value.length() - 1));
            if (seconds.signum() < 0 || seconds.compareTo(MAX_SECONDS) > 0) {
                return null;
            }
            BigDecimal whole = seconds.setScale(0, RoundingMode.DOWN);
            return Duration.ofSeconds(whole.longValueExact(),
                    seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
