package dev.tollgate.bench;

import java.util.Arrays;

/** Medians, spreads and distribution-free confidence intervals of small samples. */
final class Stats {
    /**
     * A median with the 95 % confidence interval of the median, from order statistics, and the
     * interquartile range as the spread.
     *
     * @param median the median
     * @param low the interval's low end
     * @param high the interval's high end
     * @param q1 the first quartile
     * @param q3 the third quartile
     * @param n the sample's size
     */
    record Summary(double median, double low, double high, double q1, double q3, int n) {
    }

    private Stats() {
    }

    /**
     * @param values a sample, of at least one value
     * @return its summary; the interval is the sample's range when it is too small for 95 %
     */
    static Summary summarize(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = quantile(v, 0.5);
        // Ranks of the 95 % interval of the median: the normal approximation of Binomial(n, 1/2).
        double half = 0.98 * Math.sqrt(n);
        int lo = Math.max(0, (int) Math.floor(n / 2.0 - half) - 1);
        int hi = Math.min(n - 1, (int) Math.ceil(n / 2.0 + half));
        return new Summary(median, v[lo], v[hi], quantile(v, 0.25), quantile(v, 0.75), n);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (sorted[j] - sorted[i]) * (pos - i);
    }
}
