package dev.tollgate.bench;

import dev.tollgate.bench.Contenders.Contender;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One chat call per operation, for every contender, answer size and upstream. Run with
 * {@code -prof gc} for bytes per call; time differences come from {@link Bench}'s round-robin
 * runs, which this machine's noise does not swamp.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallBenchmark {
    /** The contender; names as in {@link Contenders#callNames()}. */
    @Param({"RAW-BYTES", "RAW", "LANGCHAIN4J", "TOLLGATE", "TOLLGATE+CAPTURE", "TOLLGATE+CAPTURE+COST",
        "TOLLGATE+CAPTURE+COST+RATE-LIMIT", "TOLLGATE+CAPTURE+COST+RATE-LIMIT+FALLBACK",
        "TOLLGATE+CAPTURE+COST+RATE-LIMIT+FALLBACK+TRACING"})
    public String contender;

    /** {@code stub} or {@code loopback}. */
    @Param({"stub", "loopback"})
    public String upstream;

    /** {@code small} or {@code large}. */
    @Param({"small", "large"})
    public String size;

    private Contender c;

    /** Sets the contender up. */
    @Setup(Level.Trial)
    public void setUp() {
        c = Contenders.create(contender, Upstream.named(upstream), "/" + size);
    }

    /** Drops what the contender keeps between iterations, such as spans. */
    @TearDown(Level.Iteration)
    public void between() {
        c.between().run();
    }

    /** Frees the contender. */
    @TearDown(Level.Trial)
    public void tearDown() {
        c.close().run();
    }

    /**
     * @return the answer
     * @throws Exception if the call fails
     */
    @Benchmark
    public Object call() throws Exception {
        return c.call().call();
    }
}
