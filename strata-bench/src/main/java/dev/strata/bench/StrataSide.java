package dev.strata.bench;

import java.nio.file.Path;
import java.time.Instant;

/** Strata's half of the comparison: load a population, count segment members. */
public interface StrataSide {

    /** Loads the NDJSON file as of {@code asOf}; returns the wall-clock milliseconds it took. */
    long loadMillis(Path file, Instant asOf);

    /** The number of members of a segment definition over the loaded population. */
    long count(String definition);

    /** Heap in use after a full collection, with the loaded population reachable. */
    long residentBytes();

    /** Profiles known at the instant the population was loaded as of. */
    long knownProfiles();
}
