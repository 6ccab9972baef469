package dev.tollgate.impl.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {

    @Test
    void messageText_countsFourCharactersATokenRoundedUp_plusMaxTokens() {
        ChatRequest request = ChatRequest.builder().system("abcd").user("abcde").maxTokens(100).build();

        assertThat(TokenEstimate.of(request)).isEqualTo(3 + 100);
    }

    @Test
    void requestWithoutMaxTokens_reservesTheDefaultOutput() {
        assertThat(TokenEstimate.of(ChatRequest.of("abcd"))).isEqualTo(1 + TokenEstimate.DEFAULT_OUTPUT_TOKENS);
        assertThat(TokenEstimate.DEFAULT_OUTPUT_TOKENS).isEqualTo(1024);
    }

    @Test
    void toolsToolCallsAndAnswerSchema_countAsInput() {
        JsonObject parameters = Json.createObjectBuilder().add("type", "object").build();
        JsonObject schema = Json.createObjectBuilder().add("type", "string").build();
        ChatRequest request = ChatRequest.builder()
                .user("1234")
                .message(Message.assistant("", List.of(new ToolCall("call_1", "weather", "{\"city\":\"Oslo\"}"))))
                .message(Message.toolResult("call_1", "sunny"))
                .tool(Tool.of("weather", "Gets the weather", parameters))
                .responseFormat(ResponseFormat.jsonSchema("answer", schema))
                .maxTokens(1)
                .build();
        long chars = "1234".length() + "weather".length() + "{\"city\":\"Oslo\"}".length() + "sunny".length()
                + "weather".length() + "Gets the weather".length() + parameters.toString().length()
                + schema.toString().length();

        assertThat(TokenEstimate.of(request)).isEqualTo((chars + 3) / 4 + 1);
    }

    @Test
    void limiterWithoutATokenLimit_doesNotEstimate() {
        RateLimiter limiter = TestRateLimits.read(new TestNanoClock(), new TestSleeper(null),
                "tollgate.providers.openai.rate-limit.rpm", "1").forTarget("openai", "gpt-4o");
        ChatRequest huge = ChatRequest.builder().user("x".repeat(1_000_000)).maxTokens(1_000_000).build();

        assertThat(limiter.acquire(huge).waited()).isZero();
    }

    @Test
    void limiterWithATokenLimit_reservesTheEstimate() {
        RateLimiter limiter = TestRateLimits.read(new TestNanoClock(), new TestSleeper(null),
                "tollgate.providers.openai.rate-limit.tpm", "1100").forTarget("openai", "gpt-4o");
        ChatRequest request = ChatRequest.builder().user("x".repeat(400)).maxTokens(900).build();

        limiter.acquire(request);

        assertThat(limiter.acquire(100).waited()).isZero();
        assertThatThrownBy(() -> limiter.acquire(1)).isInstanceOf(LlmException.class);
    }
}
