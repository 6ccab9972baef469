package dev.tollgate.bench;

import dev.tollgate.bench.Contenders.Call;
import dev.tollgate.bench.Contenders.Contender;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs contenders in one JVM in alternating short blocks, in a new random order each round, and
 * keeps each block's time and allocation per operation, so that differences are taken within a
 * round, where the machine's state is shared, and summarised as medians over the rounds.
 */
final class RoundRobin {
    private final List<Contender> contenders;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final int unitsPerOp;
    private final Random random;
    private volatile Object sink;

    /** Time and allocation per unit of every contender, one row per round. */
    record Results(List<String> names, List<double[]> nanos, List<double[]> bytes) {
        double[] column(List<double[]> rows, String name) {
            int i = names.indexOf(name);
            return rows.stream().mapToDouble(r -> r[i]).toArray();
        }

        double[] difference(List<double[]> rows, String a, String b) {
            int i = names.indexOf(a);
            int j = names.indexOf(b);
            return rows.stream().mapToDouble(r -> r[i] - r[j]).toArray();
        }
    }

    /**
     * @param contenders what to compare
     * @param calls the operation of each contender, by name
     * @param unitsPerOp what one operation is worth in reported units, such as 1,024 chunks
     * @param seed the seed of the orders
     */
    RoundRobin(List<Contender> contenders, Map<String, Call> calls, int unitsPerOp, long seed) {
        this.contenders = contenders;
        this.calls.putAll(calls);
        this.unitsPerOp = unitsPerOp;
        this.random = new Random(seed);
    }

    /**
     * @param warmupSeconds how long to run every contender before measuring, in small blocks
     * @param rounds how many rounds to measure
     * @param blockMillis about how long one contender's block lasts
     * @return every block's figures
     * @throws Exception if a call fails
     */
    Results run(double warmupSeconds, int rounds, double blockMillis) throws Exception {
        Map<String, Double> opsPerMilli = new LinkedHashMap<>();
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        Map<String, long[]> warm = new LinkedHashMap<>();
        contenders.forEach(c -> warm.put(c.name(), new long[2]));
        do {
            for (Contender c : shuffled()) {
                long start = System.nanoTime();
                int n = 0;
                do {
                    sink = calls.get(c.name()).call();
                    n++;
                } while (System.nanoTime() - start < 20_000_000L);
                long[] w = warm.get(c.name());
                w[0] += n;
                w[1] += System.nanoTime() - start;
                c.between().run();
            }
        } while (System.nanoTime() < warmupEnd);
        warm.forEach((name, w) -> opsPerMilli.put(name, w[0] / (w[1] / 1e6)));
        System.err.printf("warm-up done; ops per block: %s%n", opsPerMilli.entrySet().stream()
                .map(e -> e.getKey() + "=" + opsFor(e.getValue(), blockMillis)).toList());

        List<String> names = contenders.stream().map(Contender::name).toList();
        List<double[]> nanos = new ArrayList<>();
        List<double[]> bytes = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double[] t = new double[names.size()];
            double[] b = new double[names.size()];
            for (Contender c : shuffled()) {
                int ops = opsFor(opsPerMilli.get(c.name()), blockMillis);
                Call call = calls.get(c.name());
                long a0 = Allocations.total();
                long t0 = System.nanoTime();
                for (int i = 0; i < ops; i++) {
                    sink = call.call();
                }
                long t1 = System.nanoTime();
                long a1 = Allocations.total();
                int i = names.indexOf(c.name());
                t[i] = (t1 - t0) / (double) ops / unitsPerOp;
                b[i] = (a1 - a0) / (double) ops / unitsPerOp;
                c.between().run();
            }
            nanos.add(t);
            bytes.add(b);
            if ((r + 1) % 5 == 0) {
                System.err.printf("round %d of %d%n", r + 1, rounds);
            }
        }
        return new Results(names, nanos, bytes);
    }

    private static int opsFor(double opsPerMilli, double blockMillis) {
        return Math.max(1, (int) Math.round(opsPerMilli * blockMillis));
    }

    private List<Contender> shuffled() {
        List<Contender> order = new ArrayList<>(contenders);
        Collections.shuffle(order, random);
        return order;
    }

    /**
     * Writes every block's figures as CSV.
     *
     * @param results the figures
     * @param file where
     * @throws IOException if it cannot be written
     */
    static void writeCsv(Results results, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("round,contender,ns_per_unit,bytes_per_unit");
            for (int r = 0; r < results.nanos().size(); r++) {
                for (int i = 0; i < results.names().size(); i++) {
                    out.printf("%d,%s,%.1f,%.0f%n", r, results.names().get(i), results.nanos().get(r)[i],
                            results.bytes().get(r)[i]);
                }
            }
        }
    }
}
