package dev.tollgate.impl.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.Cost;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.api.spi.ModelPrice.Tier;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.provider.ConfiguredProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every model LiteLLM's price file knows and the shipped table prices, through its own id or its
 * alias, costs the same with Tollgate as by LiteLLM's rules ({@link LiteLlmReference}), for usage
 * mixes below and above every long-context threshold and in every service tier.
 */
class DefaultPricesCrossCheckTest {
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-10");

    /** Below every threshold. */
    private static final Usage SMALL = Usage.builder().inputTokens(12_000).cachedInputTokens(3_000)
            .cacheWriteTokens(1_000).cacheWrite1hTokens(400).outputTokens(2_000).reasoningTokens(500).build();
    /** Above the 128k and 200k thresholds, below 272k. */
    private static final Usage LARGE = Usage.builder().inputTokens(250_000).cachedInputTokens(40_000)
            .cacheWriteTokens(10_000).cacheWrite1hTokens(4_000).outputTokens(3_000).reasoningTokens(1_000).build();
    /** Above every threshold. */
    private static final Usage HUGE = Usage.builder().inputTokens(600_000).cachedInputTokens(100_000)
            .cacheWriteTokens(20_000).cacheWrite1hTokens(8_000).outputTokens(5_000).reasoningTokens(2_000).build();
    /** What LiteLLM's batch rule can price: no cache, below every threshold. */
    private static final Usage PLAIN = Usage.builder().inputTokens(12_000).outputTokens(2_000).reasoningTokens(500)
            .build();

    private static List<LiteLlmReference.Model> models;

    @BeforeAll
    static void readFile() {
        models = LiteLlmReference.models();
    }

    private static Pricing shipped(TestConfig overrides) {
        return Tollgate.builder(overrides.buildWith(new DefaultPrices())).build().pricing();
    }

    private static PriceTable shippedTable() {
        ConfigProblems problems = new ConfigProblems();
        PriceTable table = PriceTable.read(new ConfigReader(TestConfig.properties().buildWith(new DefaultPrices()),
                problems), "USD");
        problems.throwIfAny();
        return table;
    }

    /** The checks that fail, one line each, and the shipped entries the file reached. */
    private record Outcome(List<String> mismatches, Set<String> reached, int compared) {
    }

    private static Outcome check(Pricing pricing) {
        List<String> mismatches = new ArrayList<>();
        Set<String> reached = new HashSet<>();
        int compared = 0;
        for (LiteLlmReference.Model m : models) {
            ConfiguredProvider provider = new ConfiguredProvider(m.type(), m.type(), null, null);
            Optional<ModelPrice> price = pricing.find(provider, m.model(), null);
            if (price.isEmpty()) {
                continue;
            }
            reached.add(m.type() + "/" + m.model());
            reached.add(m.type() + "/" + ModelAliases.alias(m.model()));
            for (Map.Entry<String, Usage> mix : Map.of("small", SMALL, "large", LARGE, "huge", HUGE).entrySet()) {
                for (Tier tier : new Tier[] {Tier.STANDARD, Tier.FLEX, Tier.PRIORITY}) {
                    compared++;
                    compare(pricing, provider, m, mix.getKey(), mix.getValue(), tier, mismatches);
                }
            }
            if (LiteLlmReference.hasBatchPrices(m) && !m.has("output_cost_per_reasoning_token")) {
                compared++;
                compare(pricing, provider, m, "plain", PLAIN, Tier.BATCH, mismatches);
            }
        }
        return new Outcome(mismatches, reached, compared);
    }

    private static void compare(Pricing pricing, ConfiguredProvider provider, LiteLlmReference.Model m, String mix,
            Usage usage, Tier tier, List<String> mismatches) {
        Cost tollgate = pricing.cost(provider, m.model(), null, tier.key(), usage);
        BigDecimal reference = LiteLlmReference.cost(m, usage, tier);
        if (!tollgate.isKnown() || tollgate.total().subtract(reference).abs().compareTo(TOLERANCE) > 0) {
            mismatches.add(m.name() + " (" + m.type() + "/" + m.model() + ") " + mix + " " + tier.key() + ": Tollgate "
                    + tollgate.total().toPlainString() + ", LiteLLM " + reference.toPlainString());
        }
    }

    @Test
    void everyModelTheShippedTablePrices_costsWhatLiteLlmComputes() {
        Outcome outcome = check(shipped(TestConfig.properties()));

        assertThat(outcome.mismatches()).isEmpty();
        assertThat(outcome.compared()).as("checks made").isGreaterThan(3_000);
    }

    @Test
    void everyShippedEntry_isReachedByAModelOfTheFile() {
        Set<String> reached = check(shipped(TestConfig.properties())).reached();
        PriceTable table = shippedTable();

        List<String> unreached = new ArrayList<>();
        table.forEach((provider, model, price) -> {
            if (!reached.contains(provider + "/" + model)) {
                unreached.add(provider + "/" + model);
            }
        });

        assertThat(table.size()).isGreaterThan(300);
        assertThat(unreached).as("shipped entries no model of the file is priced by").isEmpty();
    }

    @Test
    void aWrongEntry_failsTheCheck() {
        Outcome outcome = check(shipped(TestConfig.properties()
                .set("tollgate.pricing.anthropic.claude-sonnet-4-5.long-context-cached-input", "0.61")));

        assertThat(outcome.mismatches()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("anthropic/claude-sonnet-4-5").containsAnyOf("large", "huge"));
    }

    @Test
    void theUsageMixes_crossEveryThresholdOfTheFile() {
        Set<Long> thresholds = new HashSet<>();
        shippedTable().forEach((provider, model, price) -> price.longContextThreshold().ifPresent(thresholds::add));

        assertThat(thresholds).isNotEmpty().allSatisfy(t -> {
            assertThat(SMALL.inputTokens()).isLessThanOrEqualTo(t);
            assertThat(HUGE.inputTokens()).isGreaterThan(t);
        });
        assertThat(thresholds).anySatisfy(t -> assertThat(LARGE.inputTokens()).isGreaterThan(t));
    }
}
