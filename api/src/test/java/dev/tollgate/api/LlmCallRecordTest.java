package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmCallRecordTest {
    private static final Instant NOW = Instant.parse("2025-06-01T09:30:00Z");

    private static Exchange exchange(Usage usage, Cost cost) {
        return Exchange.builder().target(new Target("openai", "gpt-4o")).startedAt(NOW).usage(usage).cost(cost)
                .build();
    }

    private static Cost usd(String input, String output) {
        return Cost.of(new BigDecimal(input), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(output), "USD");
    }

    private static LlmCallRecord.Builder record(List<Exchange> exchanges) {
        return LlmCallRecord.builder().id("r-1").callName("Svc.m").startedAt(NOW).duration(Duration.ofMillis(5))
                .exchanges(exchanges);
    }

    @Test
    void totals_addUpEveryExchange() {
        LlmCallRecord record = record(List.of(
                exchange(Usage.of(100, 20), usd("0.0001", "0.00004")),
                exchange(Usage.builder().inputTokens(50).cachedInputTokens(10).outputTokens(5).build(),
                        usd("0.00005", "0.00001")))).build();

        assertThat(record.usage()).isEqualTo(Usage.builder().inputTokens(150).cachedInputTokens(10)
                .outputTokens(25).build());
        assertThat(record.cost().total()).isEqualByComparingTo("0.0002");
        assertThat(record.cost().isKnown()).isTrue();
        assertThat(record.outcome()).isEqualTo(LlmCallRecord.Outcome.SUCCESS);
    }

    @Test
    void totals_withAnUnpricedExchange_areKnownOnlyAsFarAsTheyGo() {
        LlmCallRecord record = record(List.of(
                exchange(Usage.of(100, 20), usd("0.0001", "0.00004")),
                exchange(Usage.of(10, 2), Cost.unknown()))).build();

        assertThat(record.usage().isKnown()).isTrue();
        assertThat(record.usage().totalTokens()).isEqualTo(132);
        assertThat(record.cost().isKnown()).isFalse();
        assertThat(record.cost().total()).isEqualByComparingTo("0.00014");
    }

    @Test
    void totals_withAnExchangeOfUnknownUsage_areUnknown() {
        LlmCallRecord record = record(List.of(
                exchange(Usage.of(100, 20), usd("0.0001", "0.00004")),
                exchange(Usage.unknown(), Cost.unknown()))).build();

        assertThat(record.usage().isKnown()).isFalse();
        assertThat(record.usage().inputTokens()).isEqualTo(100);
    }

    @Test
    void recordWithoutExchanges_costsAKnownZeroInItsCurrency() {
        LlmCallRecord record = record(List.of()).currency("EUR").build();

        assertThat(record.usage()).isEqualTo(Usage.zero());
        assertThat(record.cost()).isEqualTo(Cost.zero("EUR"));
    }

    @Test
    void failureCategory_isOnlyThatOfAnLlmException() {
        LlmException llm = LlmException.builder(ErrorCategory.TIMEOUT).build();

        assertThat(record(List.of()).failure(llm).build().failureCategory()).contains(ErrorCategory.TIMEOUT);
        assertThat(record(List.of()).failure(new IllegalStateException()).build().failureCategory()).isEmpty();
        assertThat(record(List.of()).failure(new IllegalStateException()).build().outcome())
                .isEqualTo(LlmCallRecord.Outcome.FAILURE);
    }
}
