package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LlmExceptionTest {

    @ParameterizedTest
    @EnumSource(ErrorCategory.class)
    void subclass_followsWhetherTheCategoryIsTransient(ErrorCategory category) {
        LlmException e = LlmException.builder(category).build();

        assertThat(e).isInstanceOf(category.isTransient() ? TransientLlmException.class : PermanentLlmException.class);
        assertThat(e.isTransient()).isEqualTo(category.isTransient());
        assertThat(e.category()).isEqualTo(category);
    }

    @Test
    void transientCategories_areThoseARetryMayOvercome() {
        assertThat(ErrorCategory.values()).filteredOn(ErrorCategory::isTransient).containsExactlyInAnyOrder(
                ErrorCategory.RATE_LIMITED, ErrorCategory.TIMEOUT, ErrorCategory.NETWORK,
                ErrorCategory.SERVER_ERROR, ErrorCategory.OVERLOADED, ErrorCategory.INVALID_RESPONSE);
    }

    @Test
    void message_namesCategoryTargetStatusCodeProviderMessageRetryAndRequest() {
        LlmException e = LlmException.builder(ErrorCategory.RATE_LIMITED)
                .provider("openai")
                .model("gpt-4o-mini")
                .httpStatus(429)
                .providerErrorCode("rate_limit_exceeded")
                .providerMessage("Rate limit reached for gpt-4o-mini")
                .retryAfter(Duration.ofSeconds(20))
                .requestId("req_123")
                .build();

        assertThat(e).hasMessage("[RATE_LIMITED] openai/gpt-4o-mini: HTTP 429 rate_limit_exceeded: "
                + "Rate limit reached for gpt-4o-mini (retry after 20000 ms) [request req_123]");
        assertThat(e.provider()).contains("openai");
        assertThat(e.model()).contains("gpt-4o-mini");
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.providerErrorCode()).contains("rate_limit_exceeded");
        assertThat(e.providerMessage()).contains("Rate limit reached for gpt-4o-mini");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(e.requestId()).contains("req_123");
    }

    @Test
    void message_ofATransportFailure_joinsOwnWords() {
        IOException cause = new IOException("Connection reset");
        LlmException e = LlmException.builder(ErrorCategory.NETWORK)
                .provider("openai")
                .model("gpt-4o")
                .message("connection failed: Connection reset")
                .cause(cause)
                .build();

        assertThat(e).hasMessage("[NETWORK] openai/gpt-4o: connection failed: Connection reset").hasCause(cause);
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.requestId()).isEmpty();
    }

    @Test
    void message_joinsOwnWordsAndStatus() {
        LlmException e = LlmException.builder(ErrorCategory.INVALID_RESPONSE).provider("p").message("bad body")
                .httpStatus(302).build();

        assertThat(e).hasMessage("[INVALID_RESPONSE] p: bad body; HTTP 302");
    }

    @Test
    void message_withoutAnyDetail_isTheCategory() {
        assertThat(LlmException.builder(ErrorCategory.CANCELLED).build()).hasMessage("[CANCELLED]");
    }
}
