package dev.strata.bench;

import dev.strata.engine.SegmentEngine;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** {@link StrataSide} over the in-memory {@link SegmentEngine}. */
public final class EngineStrataSide implements StrataSide {

    // Parsed once so that timed runs measure evaluation, as the DuckDB side reuses prepared statements.
    private final Map<String, Condition> parsed = new HashMap<>();
    private SegmentEngine engine;

    @Override
    public long loadMillis(Path file, Instant asOf) {
        long start = System.nanoTime();
        engine = EngineLoader.load(file, asOf);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public long count(String definition) {
        if (engine == null) {
            throw new IllegalStateException("count(\"" + definition + "\") before any population was loaded");
        }
        Condition condition = parsed.computeIfAbsent(definition, SegmentParser::parse);
        return engine.evaluate(condition, Map.of()).getLongCardinality();
    }

    @Override
    public long residentBytes() {
        return ProcessMemory.heapUsedAfterGc();
    }

    @Override
    public long knownProfiles() {
        return engine.population().size();
    }
}
