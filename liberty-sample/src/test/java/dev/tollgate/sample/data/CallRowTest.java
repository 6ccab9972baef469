package dev.tollgate.sample.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Target;
import dev.tollgate.api.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallRowTest {
    private static final Instant START = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void aCallWithAFailedAndAnAnsweredRequest_becomesOneRowWithARowPerRequest() {
        LlmException timeout = LlmException.builder(ErrorCategory.TIMEOUT).provider("primary").build();
        Exchange failed = Exchange.builder().target(new Target("primary", "big-1")).startedAt(START)
                .latency(Duration.ofMillis(900)).requestMessages(List.of(Message.user("Hi?"))).error(timeout).build();
        Exchange answered = Exchange.builder().target(new Target("backup", null)).responseModel("small-2")
                .startedAt(START.plusSeconds(1)).latency(Duration.ofMillis(120))
                .requestMessages(List.of(Message.system("Be brief."), Message.user("Hi?"))).responseText("Hello.")
                .usage(Usage.builder().inputTokens(10).cachedInputTokens(4).outputTokens(3).build())
                .cost(Cost.of(new BigDecimal("0.001"), new BigDecimal("0.0001"), BigDecimal.ZERO,
                        new BigDecimal("0.002"), "EUR"))
                .build();
        LlmCallRecord record = LlmCallRecord.builder().id("r-1").parentId("r-0").callName("support.answer")
                .principal("key-7").currency("EUR").startedAt(START).duration(Duration.ofMillis(1100))
                .exchanges(List.of(failed, answered)).build();

        CallRow row = CallRow.of(record);

        assertEquals("r-1", row.id());
        assertEquals("r-0", row.parentId());
        assertEquals("key-7", row.principal());
        assertEquals("SUCCESS", row.outcome());
        assertNull(row.errorCategory());
        assertEquals(START.toEpochMilli(), row.startedAt().toEpochMilli());
        assertEquals(1100, row.durationMillis());
        assertEquals(13, row.tokens().totalTokens());
        assertEquals(4, row.tokens().cachedInputTokens());
        assertFalse(row.tokens().known(), "the failed request reported no usage");
        assertEquals(0, new BigDecimal("0.0031").compareTo(row.cost().total()));
        assertEquals("EUR", row.cost().currency());

        assertEquals(2, row.exchanges().size());
        ExchangeRow first = row.exchanges().get(0);
        assertEquals("big-1", first.model(), "a request that got no answer is counted under the model requested");
        assertEquals("TIMEOUT", first.errorCategory());
        assertEquals("user: Hi?", first.prompt());
        assertNull(first.answer());
        ExchangeRow second = row.exchanges().get(1);
        assertEquals("small-2", second.model());
        assertNull(second.modelRequested());
        assertEquals("system: Be brief.\n\nuser: Hi?", second.prompt());
        assertEquals("Hello.", second.answer());
        assertEquals(120, second.latencyMillis());
    }

    @Test
    void aFailedCall_keepsItsCategory_andAPromptNotCapturedStaysEmpty() {
        LlmException refused = LlmException.builder(ErrorCategory.CONTENT_FILTERED).build();
        LlmCallRecord record = LlmCallRecord.builder().id("r-2").callName("advice").startedAt(START)
                .duration(Duration.ofMillis(5)).failure(refused)
                .exchanges(List.of(Exchange.builder().target(new Target("p", null)).startedAt(START).error(refused)
                        .build()))
                .build();

        CallRow row = CallRow.of(record);

        assertEquals("FAILURE", row.outcome());
        assertEquals("CONTENT_FILTERED", row.errorCategory());
        assertNull(row.principal());
        assertEquals("default", row.exchanges().get(0).model());
        assertNull(row.exchanges().get(0).prompt());
        assertEquals(0, row.exchanges().get(0).position());
    }
}
