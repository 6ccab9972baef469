package dev.tollgate.sample.dashboard;

import java.math.BigDecimal;

/**
 * Sums over a group of calls or requests.
 *
 * @param label what the group is: a time, a model, a call name or a caller
 * @param count calls, or provider requests for models
 * @param failures those that failed
 * @param inputTokens input tokens
 * @param outputTokens output tokens
 * @param cost the cost of the priced ones
 */
public record Totals(String label, long count, long failures, long inputTokens, long outputTokens, BigDecimal cost) {

    /** @return input plus output tokens */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /**
     * @param label the group
     * @param row {@code count, failures, inputTokens, outputTokens, cost} from a JPQL aggregate
     * @param from where these five start in the row
     * @return the totals, zero where the database summed nothing
     */
    static Totals of(String label, Object[] row, int from) {
        return new Totals(label, number(row[from]), number(row[from + 1]), number(row[from + 2]),
                number(row[from + 3]), row[from + 4] == null ? BigDecimal.ZERO : new BigDecimal(row[from + 4].toString()));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
