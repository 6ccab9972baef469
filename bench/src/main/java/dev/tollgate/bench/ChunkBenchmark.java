package dev.tollgate.bench;

import dev.tollgate.bench.Contenders.Contender;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One stream of {@value #DELTAS} deltas through the stand-in per invocation, reported per chunk:
 * time and, with {@code -prof gc}, bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChunkBenchmark {
    static final int DELTAS = 1024;

    /** The contender; names as in {@link Contenders#streamNames()}. */
    @Param({"RAW", "LANGCHAIN4J", "TOLLGATE", "TOLLGATE+CAPTURE+COST+RATE-LIMIT+FALLBACK+TRACING"})
    public String contender;

    private Contender c;

    /** Sets the contender up. */
    @Setup(Level.Trial)
    public void setUp() {
        c = Contenders.create(contender, Upstream.stub(), "/sse/" + DELTAS + "/0");
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
     * @param hole takes every chunk's text
     * @return the end of the answer
     * @throws Exception if the stream fails
     */
    @Benchmark
    @OperationsPerInvocation(DELTAS)
    public Object stream(Blackhole hole) throws Exception {
        return c.stream().stream(hole::consume);
    }
}
