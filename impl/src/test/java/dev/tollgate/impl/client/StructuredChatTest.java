package dev.tollgate.impl.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Message;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.structured.JsonSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structured answers and tool calls through the engine, on the simulated provider. */
public class StructuredChatTest {
    private final TestRecordSink sink = new TestRecordSink();

    public enum Sentiment { POSITIVE, NEGATIVE }

    public record Review(String summary, Sentiment sentiment, int stars, List<String> topics) {
    }

    public record Weather(String city) {
    }

    private ChatClient llm() {
        return Tollgate.builder(TestConfig.of("tollgate.providers.sim.type", "simulated"))
                .recordSink(sink).build().chatClient();
    }

    @Test
    void typedChat_returnsTheAnswerBoundToTheRecordAndRecordsTheExchange() {
        Review review = llm().chat(ChatRequest.of("Great phone"), Review.class);

        assertThat(review.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(review.stars()).isEqualTo(1);
        assertThat(review.topics()).hasSize(1);
        assertThat(sink.single().exchanges()).hasSize(1);
    }

    @Test
    void toolRequest_getsACallAndTheResultGetsAnAnswer() {
        ChatClient llm = llm();
        Tool weather = Tool.of("weather", "Current weather of a city", JsonSchemas.of(Weather.class));

        ChatResponse first = llm.chat(ChatRequest.builder().user("Weather in Oslo?").tool(weather).build());

        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        ToolCall call = first.toolCalls().get(0);
        assertThat(call.name()).isEqualTo("weather");
        assertThat(call.arguments()).isEqualTo("{\"city\":\"Weather in Oslo?\"}");

        ChatResponse second = llm.chat(ChatRequest.builder().user("Weather in Oslo?").tool(weather)
                .message(first.message()).message(Message.toolResult(call.id(), "{\"celsius\":3}")).build());

        assertThat(second.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(second.toolCalls()).isEmpty();
    }
}
