package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.personas.GeneratedPopulation;
import dev.strata.synth.PopulationGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/strata demo: the population generated once into the data directory, then read from there. */
class DemoCommandTest extends CommandTestBase {
    @TempDir
    Path dir;

    @Test
    void generatesOnceKeepsTheFileAndLoadsWhatThePersonasCommandLoads() throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("demo", "--profiles", "300", "--seed", "5", "--data-dir", data.toString())).as(err).isZero();
        Path kept = data.resolve("demo-300-5.ndjson");
        assertThat(kept).exists();
        assertThat(err).contains("generating 300 profiles into " + kept);
        String first = out;

        long written = Files.getLastModifiedTime(kept).toMillis();
        assertThat(run("demo", "--profiles", "300", "--seed", "5", "--data-dir", data.toString())).as(err).isZero();
        assertThat(err).doesNotContain("generating");
        assertThat(Files.getLastModifiedTime(kept).toMillis()).isEqualTo(written);
        assertThat(out.lines().limit(1)).isEqualTo(first.lines().limit(1).toList());

        GeneratedPopulation same = GeneratedPopulation.generate(PopulationGenerator.Options.defaults(300).withSeed(5), dir.resolve("work"));
        assertThat(first).startsWith(String.format("%,d profiles, %,d events, as of %s", same.population().size(),
                same.population().eventCount(), DemoCommand.END));
        assertThat(data).isDirectoryNotContaining("glob:**.tmp");
    }
}
