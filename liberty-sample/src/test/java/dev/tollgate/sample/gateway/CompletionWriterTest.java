package dev.tollgate.sample.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionWriterTest {
    private static final CompletionWriter WRITER = new CompletionWriter("chatcmpl-1", 1_700_000_000L, "fast");
    private static final Usage USAGE = Usage.builder().inputTokens(12).cachedInputTokens(4).outputTokens(30)
            .reasoningTokens(10).build();

    @Test
    void aCompletion_isOpenAisChatCompletionObject() {
        JsonObject json = WRITER.completion(ChatResponse.builder().text("Hello.").usage(USAGE).model("sim-1").build());

        assertEquals("chatcmpl-1", json.getString("id"));
        assertEquals("chat.completion", json.getString("object"));
        assertEquals(1_700_000_000L, json.getJsonNumber("created").longValue());
        assertEquals("fast", json.getString("model"));
        JsonObject choice = json.getJsonArray("choices").getJsonObject(0);
        assertEquals(0, choice.getInt("index"));
        assertEquals("stop", choice.getString("finish_reason"));
        assertEquals("assistant", choice.getJsonObject("message").getString("role"));
        assertEquals("Hello.", choice.getJsonObject("message").getString("content"));
        JsonObject usage = json.getJsonObject("usage");
        assertEquals(12, usage.getInt("prompt_tokens"));
        assertEquals(30, usage.getInt("completion_tokens"));
        assertEquals(42, usage.getInt("total_tokens"));
        assertEquals(4, usage.getJsonObject("prompt_tokens_details").getInt("cached_tokens"));
        assertEquals(10, usage.getJsonObject("completion_tokens_details").getInt("reasoning_tokens"));
    }

    @Test
    void toolCalls_haveNullContentAndTheirFinishReason() {
        JsonObject json = WRITER.completion(ChatResponse.builder()
                .toolCalls(List.of(new ToolCall("call_1", "weather", "{\"city\":\"Paris\"}")))
                .finishReason(FinishReason.TOOL_CALLS).usage(USAGE).build());

        JsonObject choice = json.getJsonArray("choices").getJsonObject(0);
        assertEquals("tool_calls", choice.getString("finish_reason"));
        assertTrue(choice.getJsonObject("message").isNull("content"));
        JsonObject call = choice.getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0);
        assertEquals("call_1", call.getString("id"));
        assertEquals("function", call.getString("type"));
        assertEquals("{\"city\":\"Paris\"}", call.getJsonObject("function").getString("arguments"));
        assertFalse(call.containsKey("index"));
    }

    @Test
    void anUnknownUsage_isLeftOut_notMadeZero() {
        JsonObject json = WRITER.completion(ChatResponse.builder().text("Hi").finishReason(FinishReason.LENGTH).build());

        assertFalse(json.containsKey("usage"));
        assertEquals("length", json.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    }

    @Test
    void otherFinishReasons_keepTheProvidersWord() {
        JsonObject json = WRITER.completion(ChatResponse.builder().text("")
                .finishReason(FinishReason.OTHER).rawFinishReason("recitation").build());

        assertEquals("recitation", json.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    }

    @Test
    void chunks_carryNullUsageOnlyWhenTheClientAskedForUsage() {
        JsonObject asked = WRITER.textChunk("Hel", true);
        JsonObject notAsked = WRITER.textChunk("Hel", false);

        assertEquals("chat.completion.chunk", asked.getString("object"));
        assertEquals("Hel", asked.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content"));
        assertTrue(asked.getJsonArray("choices").getJsonObject(0).isNull("finish_reason"));
        assertTrue(asked.isNull("usage"));
        assertFalse(notAsked.containsKey("usage"));
    }

    @Test
    void theUsageChunk_hasNoChoices() {
        JsonObject json = WRITER.usageChunk(USAGE);

        assertTrue(json.getJsonArray("choices").isEmpty());
        assertEquals(42, json.getJsonObject("usage").getInt("total_tokens"));
        assertTrue(WRITER.usageChunk(Usage.unknown()).isNull("usage"));
    }

    @Test
    void streamedToolCalls_areIndexed_andTheFinishChunkHasAnEmptyDelta() {
        JsonObject calls = WRITER.toolCallChunk(List.of(new ToolCall("c1", "a", "{}"), new ToolCall("c2", "b", "{}")), false);
        JsonObject finish = WRITER.finishChunk(ChatResponse.builder().finishReason(FinishReason.TOOL_CALLS).build(), false);

        assertEquals(1, calls.getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getJsonArray("tool_calls").getJsonObject(1).getInt("index"));
        assertTrue(finish.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").isEmpty());
        assertEquals("tool_calls", finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    }
}
