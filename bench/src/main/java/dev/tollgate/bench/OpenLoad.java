package dev.tollgate.bench;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.config.BenchmarkBuilder;
import io.hyperfoil.api.config.PhaseBuilder;
import io.hyperfoil.api.config.SessionLimitPolicy;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.http.api.HttpMethod;
import io.hyperfoil.http.config.HttpPluginBuilder;
import io.hyperfoil.http.config.Protocol;
import io.hyperfoil.http.statistics.HttpStats;
import io.hyperfoil.http.steps.HttpStepCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An open-loop load of POST requests at fixed rates, one step after another, with Hyperfoil's
 * in-process runner: requests start on schedule whether or not earlier ones have answered, so a
 * slow answer does not hold back the requests behind it (no coordinated omission). Time a request
 * waits for a free connection is not in its latency; it is reported apart.
 * <pre>
 * url=http://127.0.0.1:19080/v1/chat/completions body=FILE [key=SECRET] label=gateway
 * rates=250,500,1000 seconds=20 warmup-s=30 settle-s=2 connections=64 out=DIR
 * </pre>
 * Each step runs {@code settle-s} unrecorded, then {@code seconds} recorded, on its own runner.
 * Prints one Markdown row per step and appends it to {@code DIR/open-loop.csv}.
 */
public final class OpenLoad {
    private static final long NS_PER_MS = 1_000_000;

    private OpenLoad() {
    }

    /**
     * @param args {@code key=value} settings, see the class comment
     * @throws IOException if the body cannot be read or the CSV written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        URI url = URI.create(o.get("url"));
        Target target = new Target(url, Files.readString(Path.of(o.get("body"))), o.get("key"),
                Integer.parseInt(o.getOrDefault("connections", "64")));
        String label = o.getOrDefault("label", url.getPath());
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int settle = Integer.parseInt(o.getOrDefault("settle-s", "2"));
        int[] rates = Arrays.stream(o.getOrDefault("rates", "250,500,1000,1500,2000,3000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path csv = Path.of(o.getOrDefault("out", "target/results")).resolve("open-loop.csv");
        Files.createDirectories(csv.getParent());
        if (!Files.exists(csv)) {
            Files.writeString(csv, "label,rate,seconds,requests,per_s,p50_ms,p90_ms,p99_ms,max_ms,errors,blocked_ms,failure\n");
        }

        int warmup = Integer.parseInt(o.getOrDefault("warmup-s", "30"));
        if (warmup > 0) {
            System.err.printf("%s: warm-up, %d s at %d requests/s%n", label, warmup, rates[0]);
            run(target, rates[0], warmup, 0);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardOpenOption.APPEND))) {
            for (int rate : rates) {
                Step step = run(target, rate, seconds, settle);
                System.out.println(step.row(label));
                System.out.flush();
                out.println(step.csv(label));
                out.flush();
            }
        }
        System.exit(0);
    }

    /** What a step measures against: the URL, the request body, the bearer key, the connections. */
    private record Target(URI url, String body, String key, int connections) {
    }

    /** One step: the recorded phase's statistics, or why the run failed. */
    private record Step(int rate, int seconds, StatisticsSnapshot stats, String failure) {
        long errors() {
            HttpStats http = HttpStats.get(stats);
            return stats.errors() + stats.invalid + http.status_4xx + http.status_5xx + http.status_other;
        }

        double ms(double percentile) {
            return stats.histogram.getTotalCount() == 0 ? Double.NaN
                    : (double) stats.histogram.getValueAtPercentile(percentile) / NS_PER_MS;
        }

        double maxMs() {
            return stats.histogram.getTotalCount() == 0 ? Double.NaN : (double) stats.histogram.getMaxValue() / NS_PER_MS;
        }

        String row(String label) {
            return String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.3f | %.3f | %.3f | %.3f | %,d%s | %.1f |",
                    label, rate, (double) stats.responseCount / seconds, ms(50), ms(90), ms(99), maxMs(), errors(),
                    failure == null ? "" : " (failed: " + failure.replace('|', '/') + ")",
                    (double) stats.blockedTime / NS_PER_MS);
        }

        String csv(String label) {
            return String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f,%.4f,%.4f,%.4f,%.4f,%d,%.1f,%s", label, rate,
                    seconds, stats.responseCount, (double) stats.responseCount / seconds, ms(50), ms(90), ms(99), maxMs(),
                    errors(), (double) stats.blockedTime / NS_PER_MS,
                    failure == null ? "" : '"' + failure.replace('"', '\'') + '"');
        }
    }

    /** Runs {@code settle} seconds unrecorded, then {@code seconds} recorded, at {@code rate} requests a second. */
    private static Step run(Target target, int rate, int seconds, int settle) {
        BenchmarkBuilder builder = BenchmarkBuilder.builder().name("open-load-" + rate).threads(1);
        builder.addPlugin(HttpPluginBuilder::new).http()
                .protocol(Protocol.HTTP).host(target.url().getHost()).port(target.url().getPort())
                .sharedConnections(target.connections())
                .endHttp();
        if (settle > 0) {
            phase(builder, "settle", target, rate, settle);
        }
        PhaseBuilder<?> measure = phase(builder, "measure", target, rate, seconds);
        if (settle > 0) {
            measure.startAfterStrict("settle");
        }
        Benchmark benchmark = builder.build();
        StatisticsSnapshot total = new StatisticsSnapshot();
        LocalSimulationRunner runner = new LocalSimulationRunner(benchmark,
                (phase, stepId, metric, snapshot, countDown) -> {
                    if (phase.name().equals("measure")) {
                        total.add(snapshot);
                    }
                }, null, null);
        try {
            runner.run();
            return new Step(rate, seconds, total, null);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Step(rate, seconds, total, String.valueOf(cause.getMessage()));
        }
    }

    /**
     * A constant-rate phase of one POST per session, at most a second's worth of requests in
     * flight (more fails the phase: its latency is long past any limit worth measuring), arrivals
     * evenly spaced as wrk2 spaces them.
     */
    private static PhaseBuilder<?> phase(BenchmarkBuilder builder, String name, Target target, int rate, int seconds) {
        var request = builder.addPhase(name).constantRate(0)
                .usersPerSec(rate)
                .variance(false)
                .maxSessions(Math.max(rate, 16))
                .sessionLimitPolicy(SessionLimitPolicy.FAIL)
                .duration(seconds * 1000L)
                .maxDuration(seconds * 1000L + 10_000)
                .scenario()
                .initialSequence("request")
                .step(HttpStepCatalog.SC).httpRequest(HttpMethod.POST)
                .path(target.url().getPath())
                .headers().header("content-type", "application/json");
        if (target.key() != null) {
            request.header("authorization", "Bearer " + target.key());
        }
        return request.endHeaders()
                .body(target.body())
                .timeout("10s")
                .endStep()
                .endSequence()
                .endScenario();
    }
}
