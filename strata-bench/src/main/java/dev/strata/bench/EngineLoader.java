package dev.strata.bench;

import dev.strata.engine.PopulationBuilder;
import dev.strata.engine.SegmentEngine;
import java.nio.file.Path;
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
        // Once dev.strata.ingest.NdjsonLoader exists: NdjsonLoader.load(ndjson, builder);
        throw new UnsupportedOperationException("reading " + ndjson
                + " into a PopulationBuilder needs dev.strata.ingest.NdjsonLoader, which is not in strata-core yet");
    }
}
