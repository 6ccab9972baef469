package dev.tollgate.sample.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApiErrorTest {
    private static final Map<ErrorCategory, Integer> STATUS = Map.ofEntries(
            Map.entry(ErrorCategory.AUTHENTICATION, 401),
            Map.entry(ErrorCategory.PERMISSION, 403),
            Map.entry(ErrorCategory.INVALID_REQUEST, 400),
            Map.entry(ErrorCategory.MODEL_NOT_FOUND, 404),
            Map.entry(ErrorCategory.CONTEXT_LENGTH_EXCEEDED, 400),
            Map.entry(ErrorCategory.CONTENT_FILTERED, 400),
            Map.entry(ErrorCategory.RATE_LIMITED, 429),
            Map.entry(ErrorCategory.QUOTA_EXCEEDED, 429),
            Map.entry(ErrorCategory.TIMEOUT, 504),
            Map.entry(ErrorCategory.NETWORK, 502),
            Map.entry(ErrorCategory.SERVER_ERROR, 502),
            Map.entry(ErrorCategory.OVERLOADED, 503),
            Map.entry(ErrorCategory.CANCELLED, 500),
            Map.entry(ErrorCategory.INVALID_RESPONSE, 502));

    @ParameterizedTest
    @EnumSource(ErrorCategory.class)
    void everyCategory_hasItsStatus(ErrorCategory category) {
        ApiError error = ApiError.of(LlmException.builder(category).message("failed").build());

        assertEquals(STATUS.get(category), error.status());
        assertTrue(error.message().contains("failed"));
    }

    @Test
    void anExhaustedQuota_isInsufficientQuota() {
        ApiError error = ApiError.of(LlmException.builder(ErrorCategory.QUOTA_EXCEEDED).build());

        assertEquals("insufficient_quota", error.code());
        assertEquals("insufficient_quota", error.type());
    }

    @Test
    void theJson_isOpenAisErrorShape_withNullsWhereNothingApplies() {
        JsonObject json = ApiError.invalidRequest("Bad.", null).toJson();

        JsonObject error = json.getJsonObject("error");
        assertEquals(1, json.size());
        assertEquals("Bad.", error.getString("message"));
        assertEquals("invalid_request_error", error.getString("type"));
        assertTrue(error.isNull("param"));
        assertTrue(error.isNull("code"));
    }

    @Test
    void anUnknownModel_namesIt() {
        ApiError error = ApiError.unknownModel("gpt-9");

        assertEquals(404, error.status());
        assertEquals("model_not_found", error.code());
        assertTrue(error.message().contains("`gpt-9`"));
    }
}
