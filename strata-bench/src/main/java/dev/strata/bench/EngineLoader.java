package dev.strata.bench;

import dev.strata.engine.PopulationBuilder;
import dev.strata.engine.SegmentEngine;
import dev.strata.ingest.NdjsonLoader;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;

/** Builds a {@link SegmentEngine} from an NDJSON file, for the comparison and for JMH alike. */
public final class EngineLoader {

    private EngineLoader() {
    }

    public static SegmentEngine load(Path ndjson, Instant asOf) {
        PopulationBuilder builder = new PopulationBuilder(asOf.toEpochMilli());
        feed(ndjson, builder);
        return new SegmentEngine(builder.build());
    }

    /**
     * The single place that reads NDJSON into the builder. The ingest side owns parsing
     * (identity fallback to anonymousId, timestamps, ignored call types), so the benchmark must
     * not carry a second copy of it.
     */
    private static void feed(Path ndjson, PopulationBuilder builder) {
        NdjsonLoader.Result r = new NdjsonLoader(problem -> System.err.println("skipped " + problem), false, 0L, 10_000_000)
                .load(List.of(ndjson), builder::accept);
        if (r.invalid() > 0) System.err.printf("skipped %,d invalid lines of %s%n", r.invalid(), ndjson);
    }
}
