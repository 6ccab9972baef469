package dev.tollgate.impl.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {
    private static final HttpHeaders JSON = HttpHeaders.of(Map.of("content-type", List.of("application/json")),
            (a, b) -> true);

    private static ErrorBody of(String body) {
        return ErrorBody.of(JSON, body.getBytes(StandardCharsets.UTF_8), "sk-secret");
    }

    @Test
    void nestedErrorObject_givesCodeTypeAndMessage() {
        ErrorBody body = of("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");

        assertThat(body).isEqualTo(new ErrorBody("rate_limit_exceeded", "requests", "Rate limit reached"));
    }

    @Test
    void validationDetailUnderMessage_isJoinedIntoTheMessage() {
        ErrorBody body = of("{\"object\":\"error\",\"message\":{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"model\"],"
                + "\"msg\":\"Field required\",\"input\":{}},{\"type\":\"float_type\",\"msg\":\"Input should be a valid number\"}]},"
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}");

        assertThat(body.message()).isEqualTo("Field required; Input should be a valid number");
        assertThat(body.type()).isEqualTo("invalid_request_error");
    }

    @Test
    void topLevelDetailList_isJoinedIntoTheMessage() {
        assertThat(of("{\"detail\":[{\"msg\":\"value is not a valid integer\"}]}").message())
                .isEqualTo("value is not a valid integer");
        assertThat(of("{\"detail\":\"Not Found\"}").message()).isEqualTo("Not Found");
    }

    @Test
    void firstMessage_wins() {
        assertThat(of("{\"message\":\"first\",\"detail\":\"second\"}").message()).isEqualTo("first");
    }

    @Test
    void secret_isMaskedInTheMessage() {
        assertThat(of("{\"error\":\"Incorrect API key provided: sk-secret\"}").message())
                .isEqualTo("Incorrect API key provided: ***");
    }
}
