package dev.strata.bench;

import dev.strata.synth.PopulationGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The one place the benchmark reaches the synthetic population generator. */
final class SyntheticPopulation {

    /** What to generate; mirrors {@code PopulationGenerator.Options}. */
    record Spec(int profiles, long seed, Instant end, double eventsPerProfile) {
    }

    private SyntheticPopulation() {
    }

    static Spec defaults(int profiles) {
        PopulationGenerator.Options o = PopulationGenerator.Options.defaults(profiles);
        return new Spec(o.profiles(), o.seed(), o.end(), o.eventsPerProfile());
    }

    /** Writes the population to {@code out}; returns the generator's summary for the progress log. */
    static String write(Spec spec, Path out) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            PopulationGenerator.Summary s = PopulationGenerator.write(
                    new PopulationGenerator.Options(spec.profiles(), spec.seed(), spec.end(), spec.eventsPerProfile()), os);
            return String.format("%,d profiles, %,d messages, %,d events, %,d duplicates", s.profiles(), s.messages(), s.events(), s.duplicates());
        }
    }
}
