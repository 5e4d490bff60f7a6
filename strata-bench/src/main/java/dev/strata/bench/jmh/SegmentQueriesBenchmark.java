package dev.strata.bench.jmh;

import dev.strata.bench.BenchData;
import dev.strata.bench.EngineLoader;
import dev.strata.bench.StandardWorkload;
import dev.strata.engine.SegmentEngine;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.roaringbitmap.RoaringBitmap;

/**
 * Whole-segment evaluation of each standard workload query over a generated population, loaded
 * once per trial. The heap is fixed and pre-touched so that page faults on first use of the
 * population's arrays do not land in the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"}, jvmArgsAppend = "-XX:+AlwaysPreTouch")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SegmentQueriesBenchmark {

    @Param("100000")
    public int profiles;

    /** Negative: the generator's default for the number of profiles. */
    @Param("-1")
    public double eventsPerProfile;

    /** Negative: the generator's default seed. */
    @Param("-1")
    public long seed;

    @Param("bench-data")
    public String dataDir;

    @Param({"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"})
    public String query;

    private SegmentEngine engine;
    private Condition condition;

    @Setup
    public void load() throws IOException {
        Path file = BenchData.ensure(Path.of(dataDir), profiles,
                eventsPerProfile < 0 ? null : eventsPerProfile,
                seed < 0 ? null : seed,
                StandardWorkload.AS_OF, System.err);
        engine = EngineLoader.load(file, StandardWorkload.AS_OF);
        condition = SegmentParser.parse(StandardWorkload.byId(query).definition());
    }

    @Benchmark
    public RoaringBitmap evaluate() {
        return engine.evaluate(condition, Map.of());
    }
}
