package dev.tollgate.bench;

import dev.tollgate.bench.TollgateSetup.Feature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed load over loopback through Tollgate with every feature on: of every ten requests, five
 * calls, three streams read to their end (64 deltas 5 ms apart) and two streams left after eight
 * chunks. Logs the heap in use after full collections and judges whether it levels off.
 */
final class Soak {
    private static final int WORKERS = 32;

    private Soak() {
    }

    static void run(double minutes, int rate, int sampleSeconds, Path out) throws Exception {
        Upstream upstream = Upstream.named("loopback");
        TollgateSetup calls = new TollgateSetup(upstream, "/small", Feature.TRACING);
        TollgateSetup streams = new TollgateSetup(upstream, "/sse/64/5", Feature.TRACING);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(rate * 2));
        AtomicLong issued = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        long tickMillis = 20;
        double perTick = rate * tickMillis / 1000.0;
        double[] owed = {0};
        ticks.scheduleAtFixedRate(() -> {
            owed[0] += perTick;
            while (owed[0] >= 1) {
                owed[0]--;
                long i = issued.getAndIncrement();
                try {
                    workers.execute(() -> {
                        try {
                            int kind = (int) (i % 10);
                            if (kind < 5) {
                                calls.call();
                            } else if (kind < 8) {
                                streams.stream(text -> { });
                            } else {
                                streams.stream(text -> { }, 8);
                            }
                            done.incrementAndGet();
                        } catch (Exception | Error e) {
                            if (errors.getAndIncrement() == 0) {
                                e.printStackTrace();
                            }
                        }
                    });
                } catch (RejectedExecutionException e) {
                    dropped.incrementAndGet();
                }
            }
        }, tickMillis, tickMillis, TimeUnit.MILLISECONDS);

        Files.createDirectories(out);
        List<double[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("soak.csv")))) {
            csv.println("seconds,heap_after_gc_mib,threads,done,errors,dropped");
            while (System.nanoTime() < end) {
                Thread.sleep(sampleSeconds * 1000L);
                calls.dropSpans();
                streams.dropSpans();
                double heap = Jvm.heapAfterGc() / (1024.0 * 1024.0);
                double t = (System.nanoTime() - start) / 1e9;
                samples.add(new double[] {t, heap});
                String line = String.format(Locale.ROOT, "%.0f,%.2f,%d,%d,%d,%d", t, heap, Jvm.threads(), done.get(),
                        errors.get(), dropped.get());
                csv.println(line);
                csv.flush();
                System.err.println("soak " + line);
            }
        }
        ticks.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "### soak, loopback, %.1f min at %d requests/s (5 calls, 3 streams, "
                + "2 left mid-stream in 10)%n%n", minutes, rate);
        System.out.printf(Locale.ROOT, "done %d (%.1f/s), errors %d, dropped by a full queue %d%n%n", done.get(),
                done.get() / seconds, errors.get(), dropped.get());
        System.out.println(verdict(samples));
        calls.close();
        streams.close();
    }

    /**
     * Levels off: the median of the last third of the samples exceeds that of the middle third by
     * at most 1 MiB or 5 %, whichever is more. The first third is warm-up.
     */
    private static String verdict(List<double[]> samples) {
        int n = samples.size();
        if (n < 6) {
            return "too few samples (" + n + ") to judge; run longer";
        }
        double middle = median(samples.subList(n / 3, 2 * n / 3));
        double last = median(samples.subList(2 * n / 3, n));
        double allowed = Math.max(1.0, middle * 0.05);
        List<double[]> half = samples.subList(n / 2, n);
        double mt = half.stream().mapToDouble(s -> s[0]).average().orElse(0);
        double mh = half.stream().mapToDouble(s -> s[1]).average().orElse(0);
        double cov = half.stream().mapToDouble(s -> (s[0] - mt) * (s[1] - mh)).sum();
        double var = half.stream().mapToDouble(s -> (s[0] - mt) * (s[0] - mt)).sum();
        double slope = var == 0 ? 0 : cov / var * 60;
        return String.format(Locale.ROOT, "post-GC heap: median %.2f MiB in the middle third, %.2f MiB in the last "
                + "third (%+.2f MiB; allowed %.2f); slope over the second half %.3f MiB/min: %s", middle, last,
                last - middle, allowed, slope, last - middle <= allowed ? "PLATEAU" : "STILL GROWING");
    }

    private static double median(List<double[]> samples) {
        double[] v = samples.stream().mapToDouble(s -> s[1]).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
