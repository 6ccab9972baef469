package dev.tollgate.bench;

import dev.tollgate.bench.Contenders.Contender;
import dev.tollgate.bench.Stats.Summary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Time to first token over loopback against the mock sending the first of 64 deltas at once and
 * the rest 20 ms apart, so the time to the first delta is the client's own path: each round
 * streams once through every contender, in a random order, each stream read to its end.
 */
final class FirstToken {
    private FirstToken() {
    }

    static void run(int rounds, int warmupRounds, long seed, Path out) throws Exception {
        Upstream upstream = Upstream.named("loopback");
        List<String> names = Contenders.streamNames();
        List<Contender> contenders = new ArrayList<>();
        for (String name : names) {
            contenders.add(Contenders.create(name, upstream, "/sse/64/20/0"));
        }
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < warmupRounds + rounds; r++) {
            double[] row = new double[names.size()];
            List<Contender> order = new ArrayList<>(contenders);
            Collections.shuffle(order, random);
            for (Contender c : order) {
                long[] first = {0};
                long start = System.nanoTime();
                c.stream().stream(text -> {
                    if (first[0] == 0) {
                        first[0] = System.nanoTime();
                    }
                });
                row[names.indexOf(c.name())] = first[0] - start;
                c.between().run();
            }
            if (r >= warmupRounds) {
                rows.add(row);
            }
        }
        Files.createDirectories(out);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("ttft-loopback.csv")))) {
            csv.println("round," + String.join(",", names));
            for (int r = 0; r < rows.size(); r++) {
                StringBuilder line = new StringBuilder().append(r);
                for (double v : rows.get(r)) {
                    line.append(',').append((long) v);
                }
                csv.println(line);
            }
        }
        System.out.printf("### time to first token, loopback, first of 64 deltas at once, %d rounds, seed %d%n%n",
                rounds, seed);
        System.out.println("| contender | TTFT ms, median [IQR] | added µs over RAW, median of per-round differences "
                + "[95% CI] |");
        System.out.println("|---|---:|---:|");
        int raw = names.indexOf(Contenders.RAW);
        for (int i = 0; i < names.size(); i++) {
            int col = i;
            Summary level = Stats.summarize(rows.stream().mapToDouble(r -> r[col]).toArray());
            Summary diff = Stats.summarize(rows.stream().mapToDouble(r -> r[col] - r[raw]).toArray());
            System.out.printf(Locale.ROOT, "| %s | %.3f [%.3f–%.3f] | %s |%n", names.get(i), level.median() / 1e6,
                    level.q1() / 1e6, level.q3() / 1e6, i == raw ? "—" : String.format(Locale.ROOT,
                            "%.0f [%.0f, %.0f]", diff.median() / 1e3, diff.low() / 1e3, diff.high() / 1e3));
        }
        System.out.println();
        contenders.forEach(c -> c.close().run());
    }
}
