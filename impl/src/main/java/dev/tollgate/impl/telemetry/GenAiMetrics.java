package dev.tollgate.impl.telemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;

/**
 * The instruments: the GenAI conventions' client histograms, with the bucket boundaries they
 * advise, and Tollgate's cost counter.
 */
final class GenAiMetrics {
    static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
    static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
    static final String COST = "tollgate.cost";

    private static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L,
            262144L, 1048576L, 4194304L, 16777216L, 67108864L);
    private static final List<Double> SECONDS_BUCKETS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28,
            2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

    private final LongHistogram tokens;
    private final DoubleHistogram duration;
    private final DoubleHistogram firstChunk;
    private final DoubleCounter cost;

    GenAiMetrics(Meter meter, String currency) {
        tokens = meter.histogramBuilder(TOKEN_USAGE).ofLongs().setUnit("{token}")
                .setDescription("Number of input and output tokens used.")
                .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS).build();
        duration = meter.histogramBuilder(OPERATION_DURATION).setUnit("s")
                .setDescription("GenAI operation duration.")
                .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS).build();
        firstChunk = meter.histogramBuilder(TIME_TO_FIRST_CHUNK).setUnit("s")
                .setDescription("Time to receive the first chunk of a streamed answer.")
                .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS).build();
        cost = meter.counterBuilder(COST).ofDoubles().setUnit(currency)
                .setDescription("What provider requests cost, in the configured currency.").build();
    }

    void tokens(long input, long output, Attributes attributes) {
        tokens.record(input, attributes.toBuilder().put(GenAi.TOKEN_TYPE, "input").build());
        tokens.record(output, attributes.toBuilder().put(GenAi.TOKEN_TYPE, "output").build());
    }

    void duration(double seconds, Attributes attributes) {
        duration.record(seconds, attributes);
    }

    void firstChunk(double seconds, Attributes attributes) {
        firstChunk.record(seconds, attributes);
    }

    void cost(double amount, Attributes attributes) {
        cost.add(amount, attributes);
    }
}
