package dev.tollgate.bench;

import dev.tollgate.bench.Contenders.Call;
import dev.tollgate.bench.Contenders.Contender;
import dev.tollgate.bench.TollgateSetup.Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The round-robin measurements, run by {@code bench/run.sh}:
 * <pre>
 * check                                      every contender once against both upstreams, answers compared
 * calls  upstream=stub|loopback size=small|large rounds=30 block-ms=200 warmup-s=40 [contenders=A,B]
 * chunks rounds=30 block-ms=200 warmup-s=40  streams of 1,024 deltas through the stand-in, per chunk
 * ttft   rounds=30 warmup-rounds=3           time to first token over loopback, the first of 64 deltas at once
 * streams counts=100,500,1000 [contenders=A,B]  heap and threads per open slow stream over loopback
 * soak   minutes=10 rate=50 sample-s=10      fixed load over loopback; is post-GC heap flat?
 * </pre>
 * Every command also takes {@code out=DIR} for its CSV files and {@code seed=N}.
 */
public final class Bench {
    private Bench() {
    }

    /**
     * @param args the command and its {@code key=value} settings
     * @throws Exception if a contender fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("commands: check, calls, chunks, ttft, streams, soak; see bench/README.md");
            System.exit(2);
        }
        Map<String, String> o = new HashMap<>();
        for (String a : Arrays.copyOfRange(args, 1, args.length)) {
            int eq = a.indexOf('=');
            o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Path out = Path.of(o.getOrDefault("out", "target/results"));
        long seed = Long.parseLong(o.getOrDefault("seed", String.valueOf(System.nanoTime())));
        switch (args[0]) {
            case "check" -> Check.run();
            case "calls" -> calls(o, out, seed);
            case "chunks" -> chunks(o, out, seed);
            case "ttft" -> FirstToken.run(Integer.parseInt(o.getOrDefault("rounds", "30")),
                    Integer.parseInt(o.getOrDefault("warmup-rounds", "3")), seed, out);
            case "streams" -> OpenStreams.run(names(o, List.of(Contenders.RAW, Contenders.LANGCHAIN4J,
                    Contenders.TOLLGATE)), Arrays.stream(o.getOrDefault("counts", "100,500,1000").split(","))
                    .mapToInt(Integer::parseInt).toArray());
            case "soak" -> Soak.run(Double.parseDouble(o.getOrDefault("minutes", "10")),
                    Integer.parseInt(o.getOrDefault("rate", "50")), Integer.parseInt(o.getOrDefault("sample-s", "10")),
                    out);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }

    private static List<String> names(Map<String, String> o, List<String> all) {
        return o.containsKey("contenders") ? List.of(o.get("contenders").split(",")) : all;
    }

    private static void calls(Map<String, String> o, Path out, long seed) throws Exception {
        Upstream upstream = Upstream.named(o.getOrDefault("upstream", "stub"));
        String size = o.getOrDefault("size", "small");
        List<String> names = names(o, Contenders.callNames());
        List<Contender> contenders = new ArrayList<>();
        Map<String, Call> calls = new LinkedHashMap<>();
        for (String name : names) {
            Contender c = Contenders.create(name, upstream, "/" + size);
            contenders.add(c);
            calls.put(name, c.call());
        }
        String title = String.format("calls, %s upstream, %s answer (%d B), seed %d", upstream.stubbed() ? "stub"
                : "loopback", size, (size.equals("small") ? Canned.SMALL : Canned.LARGE).length, seed);
        RoundRobin.Results r = new RoundRobin(contenders, calls, 1, seed).run(
                Double.parseDouble(o.getOrDefault("warmup-s", "40")), Integer.parseInt(o.getOrDefault("rounds", "30")),
                Double.parseDouble(o.getOrDefault("block-ms", "200")));
        RoundRobin.writeCsv(r, out.resolve("calls-" + (upstream.stubbed() ? "stub" : "loopback") + "-" + size
                + ".csv"));
        System.out.println("### " + title);
        System.out.println();
        Report report = new Report(r, 1000.0, "µs", "call", System.out);
        report.levels();
        report.over(Contenders.RAW, names);
        report.ratios(Contenders.RAW, Contenders.LANGCHAIN4J, names);
        List<String> ladder = new ArrayList<>(List.of(Contenders.TOLLGATE));
        for (Feature f : Feature.values()) {
            ladder.add(Contenders.ladderName(f));
        }
        report.ladder(ladder);
        contenders.forEach(c -> c.close().run());
    }

    private static void chunks(Map<String, String> o, Path out, long seed) throws Exception {
        List<String> names = names(o, Contenders.streamNames());
        List<Contender> contenders = new ArrayList<>();
        Map<String, Call> calls = new LinkedHashMap<>();
        int deltas = 1024;
        for (String name : names) {
            Contender c = Contenders.create(name, Upstream.stub(), "/sse/" + deltas + "/0");
            contenders.add(c);
            long[] chars = new long[1];
            calls.put(name, () -> c.stream().stream(text -> chars[0] += text.length()));
        }
        RoundRobin.Results r = new RoundRobin(contenders, calls, deltas, seed).run(
                Double.parseDouble(o.getOrDefault("warmup-s", "40")), Integer.parseInt(o.getOrDefault("rounds", "30")),
                Double.parseDouble(o.getOrDefault("block-ms", "200")));
        RoundRobin.writeCsv(r, out.resolve("chunks-stub.csv"));
        System.out.printf("### streamed chunks, stub upstream, %d deltas a stream, seed %d%n%n", deltas, seed);
        Report report = new Report(r, 1.0, "ns", "chunk", System.out);
        report.levels();
        report.over(Contenders.RAW, names);
        report.ratios(Contenders.RAW, Contenders.LANGCHAIN4J, names);
        contenders.forEach(c -> c.close().run());
    }
}
