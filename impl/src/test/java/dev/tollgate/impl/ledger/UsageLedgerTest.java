package dev.tollgate.impl.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LedgerSnapshot;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.PersistenceStatus;
import dev.tollgate.api.Target;
import dev.tollgate.api.Usage;
import dev.tollgate.api.UsageKey;
import dev.tollgate.api.UsageTotals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageLedgerTest {
    private static final Instant NOW = Instant.parse("2025-06-01T09:30:00Z");

    private final DefaultUsageLedger ledger = new DefaultUsageLedger(Clock.fixed(NOW, ZoneOffset.UTC),
            () -> PersistenceStatus.NONE);

    private static Exchange answered(String provider, String model, Usage usage, Cost cost) {
        return Exchange.builder().target(new Target(provider, model)).startedAt(NOW).usage(usage).cost(cost).build();
    }

    private static Exchange failed(String provider, String model, ErrorCategory category) {
        return Exchange.builder().target(new Target(provider, model)).startedAt(NOW).usage(Usage.zero())
                .cost(Cost.zero("USD")).error(LlmException.builder(category).provider(provider).message("x").build())
                .build();
    }

    private static Cost usd(String input, String output) {
        return Cost.of(new BigDecimal(input), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(output), "USD");
    }

    private static LlmCallRecord record(String callName, Exchange... exchanges) {
        return LlmCallRecord.builder().id(callName + exchanges.length).callName(callName).startedAt(NOW)
                .duration(Duration.ZERO).exchanges(List.of(exchanges)).build();
    }

    @Test
    void everyExchange_countsUnderItsCallProviderAndModel_withTokensByKindErrorsAndExactCost() {
        Usage rich = Usage.builder().inputTokens(1000).cachedInputTokens(600).cacheWriteTokens(100)
                .outputTokens(300).reasoningTokens(120).build();
        ledger.publish(record("summarize", answered("openai", "gpt-4o", rich, usd("0.001", "0.0030")),
                failed("openai", "gpt-4o", ErrorCategory.RATE_LIMITED),
                answered("anthropic", "claude", Usage.of(10, 5), usd("0.00003", "0.000075"))));
        ledger.publish(record("classify", answered("openai", "gpt-4o", Usage.of(20, 1), usd("0.00005", "0.00001"))));

        LedgerSnapshot snapshot = ledger.snapshot();

        UsageTotals summarizeOpenAi = snapshot.entries().get(new UsageKey("summarize", "openai", "gpt-4o"));
        assertThat(summarizeOpenAi.requests()).isEqualTo(2);
        assertThat(summarizeOpenAi.failedRequests()).isEqualTo(1);
        assertThat(summarizeOpenAi.errors()).isEqualTo(Map.of(ErrorCategory.RATE_LIMITED, 1L));
        assertThat(summarizeOpenAi.inputTokens()).isEqualTo(1000);
        assertThat(summarizeOpenAi.cachedInputTokens()).isEqualTo(600);
        assertThat(summarizeOpenAi.cacheWriteTokens()).isEqualTo(100);
        assertThat(summarizeOpenAi.outputTokens()).isEqualTo(300);
        assertThat(summarizeOpenAi.reasoningTokens()).isEqualTo(120);
        assertThat(summarizeOpenAi.cost("USD")).isEqualByComparingTo("0.004");
        assertThat(snapshot.call("summarize").requests()).isEqualTo(3);
        assertThat(snapshot.call("summarize").cost("USD")).isEqualByComparingTo("0.004105");
        assertThat(snapshot.provider("openai").requests()).isEqualTo(3);
        assertThat(snapshot.provider("openai").totalTokens()).isEqualTo(1300 + 21);
        assertThat(snapshot.byModel()).containsOnlyKeys(new Target("openai", "gpt-4o"), new Target("anthropic", "claude"));
        assertThat(snapshot.total().requests()).isEqualTo(4);
        assertThat(snapshot.total().cost()).isEqualTo(Map.of("USD", new BigDecimal("0.004165")));
        assertThat(snapshot.total().errors(ErrorCategory.RATE_LIMITED)).isEqualTo(1);
        assertThat(snapshot.takenAt()).isEqualTo(NOW);
    }

    @Test
    void unknownUsageAndCost_areCountedAsUnknown_withWhateverPartWasReported() {
        ledger.publish(record("stream", answered("openai", "gpt-4o", Usage.of(40, 7).partial(), usd("0.1", "0.2").partial()),
                answered("local", "llama", Usage.unknown(), Cost.unknown())));

        UsageTotals total = ledger.snapshot().total();

        assertThat(total.requests()).isEqualTo(2);
        assertThat(total.unknownUsage()).isEqualTo(2);
        assertThat(total.unknownCost()).isEqualTo(2);
        assertThat(total.inputTokens()).isEqualTo(40);
        assertThat(total.cost()).isEqualTo(Map.of("USD", new BigDecimal("0.3")));
    }

    @Test
    void costsInDifferentCurrencies_areKeptApart() {
        ledger.publish(record("a", answered("openai", "m", Usage.of(1, 1), usd("1", "0"))));
        ledger.publish(LlmCallRecord.builder().id("eur").callName("a").startedAt(NOW).duration(Duration.ZERO)
                .currency("EUR").exchanges(List.of(answered("mistral", "m", Usage.of(1, 1),
                        Cost.of(new BigDecimal("2"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "EUR"))))
                .build());

        assertThat(ledger.snapshot().call("a").cost()).isEqualTo(Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("2")));
    }

    @Test
    void aRecordWithoutExchanges_countsNothing_andARequestWithoutModelCountsUnderTheReportedOne() {
        ledger.publish(record("cached"));
        ledger.publish(record("default", Exchange.builder().target(new Target("openai", null)).responseModel("gpt-x")
                .startedAt(NOW).usage(Usage.of(1, 1)).cost(usd("0", "0")).build()));

        assertThat(ledger.snapshot().entries()).containsOnlyKeys(new UsageKey("default", "openai", "gpt-x"));
    }

    @Test
    void reset_returnsTheTotalsBefore_andStartsAgainFromZero() {
        ledger.publish(record("a", answered("openai", "m", Usage.of(3, 4), usd("1", "0"))));

        LedgerSnapshot before = ledger.reset();
        ledger.publish(record("a", answered("openai", "m", Usage.of(5, 6), usd("2", "0"))));

        assertThat(before.total().totalTokens()).isEqualTo(7);
        UsageTotals after = ledger.snapshot().total();
        assertThat(after.requests()).isEqualTo(1);
        assertThat(after.totalTokens()).isEqualTo(11);
        assertThat(after.cost("USD")).isEqualByComparingTo("2");
        assertThat(ledger.snapshot().since()).isEqualTo(NOW);
    }

    @Test
    void anEmptyLedger_hasNoEntriesAndZeroTotals() {
        assertThat(ledger.snapshot().entries()).isEmpty();
        assertThat(ledger.snapshot().total()).isEqualTo(UsageTotals.EMPTY);
        assertThat(ledger.snapshot().call("nothing")).isEqualTo(UsageTotals.EMPTY);
    }
}
