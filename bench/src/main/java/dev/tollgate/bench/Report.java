package dev.tollgate.bench;

import dev.tollgate.bench.RoundRobin.Results;
import dev.tollgate.bench.Stats.Summary;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a round-robin run as Markdown tables: levels, differences over a baseline, ratios. */
final class Report {
    private final Results results;
    private final double scale;
    private final String unit;
    private final String per;
    private final PrintStream out;

    /**
     * @param results the run
     * @param scale divides nanoseconds into the time unit shown
     * @param unit the time unit shown, such as {@code µs}
     * @param per what one figure is per, such as {@code call}
     * @param out where
     */
    Report(Results results, double scale, String unit, String per, PrintStream out) {
        this.results = results;
        this.scale = scale;
        this.unit = unit;
        this.per = per;
        this.out = out;
    }

    void levels() {
        out.printf("| contender | %s/%s, median [IQR] | bytes/%s, median [IQR] |%n", unit, per, per);
        out.println("|---|---:|---:|");
        for (String name : results.names()) {
            Summary t = Stats.summarize(results.column(results.nanos(), name));
            Summary b = Stats.summarize(results.column(results.bytes(), name));
            out.printf(Locale.ROOT, "| %s | %s [%s–%s] | %.0f [%.0f–%.0f] |%n", name, fmt(t.median()),
                    fmt(t.q1()), fmt(t.q3()), b.median(), b.q1(), b.q3());
        }
        out.println();
    }

    /**
     * @param baseline the contender the others are compared with
     * @param names the contenders compared with it
     */
    void over(String baseline, List<String> names) {
        out.printf("| contender | added %s/%s over %s, median of per-round differences [95%% CI] "
                + "| added bytes/%s over %s [95%% CI] |%n", unit, per, baseline, per, baseline);
        out.println("|---|---:|---:|");
        for (String name : names) {
            if (name.equals(baseline) || !results.names().contains(name)) {
                continue;
            }
            Summary t = Stats.summarize(results.difference(results.nanos(), name, baseline));
            Summary b = Stats.summarize(results.difference(results.bytes(), name, baseline));
            out.printf(Locale.ROOT, "| %s | %s [%s, %s] | %.0f [%.0f, %.0f] |%n", name, fmt(t.median()),
                    fmt(t.low()), fmt(t.high()), b.median(), b.low(), b.high());
        }
        out.println();
    }

    /**
     * Each contender against the one before it.
     *
     * @param ladder the contenders, in order
     */
    void ladder(List<String> ladder) {
        out.printf("| step | added %s/%s [95%% CI] | added bytes/%s [95%% CI] |%n", unit, per, per);
        out.println("|---|---:|---:|");
        for (int i = 1; i < ladder.size(); i++) {
            String from = ladder.get(i - 1);
            String to = ladder.get(i);
            if (!results.names().contains(from) || !results.names().contains(to)) {
                continue;
            }
            Summary t = Stats.summarize(results.difference(results.nanos(), to, from));
            Summary b = Stats.summarize(results.difference(results.bytes(), to, from));
            out.printf(Locale.ROOT, "| %s → %s | %s [%s, %s] | %.0f [%.0f, %.0f] |%n", from, to, fmt(t.median()),
                    fmt(t.low()), fmt(t.high()), b.median(), b.low(), b.high());
        }
        out.println();
    }

    /**
     * (contender − baseline) / (reference − baseline), in time and in bytes.
     *
     * @param baseline the floor, such as RAW
     * @param reference the other library, such as LangChain4j
     * @param names the contenders
     */
    void ratios(String baseline, String reference, List<String> names) {
        if (!results.names().contains(baseline) || !results.names().contains(reference)) {
            return;
        }
        out.printf("| contender | (X − %1$s) / (%2$s − %1$s), time: per-round median [95%% CI] "
                + "| same, bytes | bytes/%3$s: X − %2$s |%n", baseline, reference, per);
        out.println("|---|---:|---:|---:|");
        double[] refTime = results.difference(results.nanos(), reference, baseline);
        double[] refBytes = results.difference(results.bytes(), reference, baseline);
        for (String name : names) {
            if (!results.names().contains(name) || name.equals(baseline) || name.equals(reference)) {
                continue;
            }
            double[] time = results.difference(results.nanos(), name, baseline);
            double[] bytes = results.difference(results.bytes(), name, baseline);
            double[] rt = new double[time.length];
            double[] rb = new double[time.length];
            for (int i = 0; i < time.length; i++) {
                rt[i] = time[i] / refTime[i];
                rb[i] = bytes[i] / refBytes[i];
            }
            Summary t = Stats.summarize(rt);
            Summary b = Stats.summarize(rb);
            Summary vs = Stats.summarize(results.difference(results.bytes(), name, reference));
            out.printf(Locale.ROOT, "| %s | %.2f [%.2f, %.2f] | %.2f [%.2f, %.2f] | %.0f |%n", name, t.median(),
                    t.low(), t.high(), b.median(), b.low(), b.high(), vs.median());
        }
        out.println();
    }

    private String fmt(double nanos) {
        double v = nanos / scale;
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }
}
