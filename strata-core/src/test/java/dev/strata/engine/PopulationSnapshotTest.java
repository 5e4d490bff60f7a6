package dev.strata.engine;

import static dev.strata.engine.SnapshotAssertions.assertSameEvaluation;
import static dev.strata.engine.SnapshotAssertions.assertSamePopulation;
import static dev.strata.engine.SnapshotAssertions.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.batch.SegmentDefinitions;
import dev.strata.ingest.MessageParser;
import dev.strata.ingest.NdjsonLoader;
import dev.strata.ingest.Timestamps;
import dev.strata.json.Json;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import dev.strata.synth.PopulationGenerator;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

/** Round trips of hand-made and generated populations; damaged files are in {@link PopulationSnapshotDamageTest}. */
class PopulationSnapshotTest {
    private static final String T = "2025-06-01T00:00:00Z";

    @TempDir
    Path dir;

    static Population load(String... lines) throws Exception {
        PopulationBuilder b = new PopulationBuilder(Timestamps.parse(T));
        for (String line : lines) b.accept(MessageParser.parse(line, Timestamps.parse(T)));
        return b.build();
    }

    /** Every kind of cell: nested objects, arrays, booleans, numbers, strings, removals, context, event properties. */
    static Population varied() throws Exception {
        return load(
                "{\"type\":\"identify\",\"userId\":\"a\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"traits\":{\"plan\":\"medicare\",\"age\":70,"
                        + "\"diabetes\":true,\"tags\":[1,2],\"birthday\":\"1950-03-01\",\"address\":{\"state\":\"CA\",\"geo\":{\"lat\":1.5},"
                        + "\"latitude\":34.05,\"longitude\":-118.24}},\"context\":{\"os\":{\"name\":\"iOS\"},\"app\":{\"version\":\"3.1\"}}}",
                "{\"type\":\"identify\",\"userId\":\"a\",\"timestamp\":\"2025-02-01T00:00:00Z\",\"traits\":{\"diabetes\":null,\"name\":\"Zoë 🩺\"}}",
                "{\"type\":\"identify\",\"anonymousId\":\"anon-7\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"traits\":{\"age\":\"70\",\"plan\":false,\"score\":-0.0}}",
                "{\"type\":\"track\",\"userId\":\"b\",\"event\":\"Steps\",\"timestamp\":\"2025-05-30T00:00:00Z\",\"properties\":{\"steps\":4000,\"meta\":{\"source\":\"ehr\"}},"
                        + "\"context\":{\"os\":{\"name\":\"web\"}}}",
                "{\"type\":\"track\",\"userId\":\"b\",\"event\":\"Steps\",\"timestamp\":\"2025-05-01T00:00:00Z\",\"properties\":{\"steps\":\"many\"}}",
                "{\"type\":\"track\",\"userId\":\"a\",\"event\":\"Steps\",\"timestamp\":\"2025-05-20T00:00:00Z\",\"properties\":{\"steps\":6000.5}}",
                "{\"type\":\"track\",\"userId\":\"a\",\"event\":\"App Open\",\"timestamp\":\"2025-05-31T00:00:00Z\",\"properties\":{}}",
                "{\"type\":\"track\",\"userId\":\"c\",\"event\":\"Doctor Visit\",\"timestamp\":\"2024-12-01T00:00:00Z\",\"properties\":{\"visit_type\":\"wellness\"}}");
    }

    @Test
    void a_varied_population_comes_back_cell_for_cell_and_evaluates_the_same() throws Exception {
        Population p = varied();
        Population r = roundTrip(p, 12345L, dir);
        assertSamePopulation(p, r);
        for (String definition : List.of(
                "plan = \"medicare\"", "age >= 65", "age = \"70\"", "diabetes is null", "address.state = \"CA\"",
                "address.geo.lat > 1", "tags is not null", "name = \"Zoë 🩺\"", "context.os.name = \"iOS\"",
                "context.app.version starts_with \"3.\"", "sum(\"Steps\".steps) >= 6000", "count(Steps where steps > 5000) = 1",
                "did \"App Open\" within 7d", "not did \"Doctor Visit\" within 365d", "age(birthday) >= 65",
                "near(address, 34.05, -118.24, 25 km)", "did Steps where meta.source = \"ehr\"")) {
            Condition c = SegmentParser.parse(definition);
            assertSameEvaluation(p, r, c, Map.of());
        }
        RoaringBitmap medicare = new SegmentEngine(r).evaluate(SegmentParser.parse("plan = \"medicare\""), Map.of());
        assertThat(medicare.toArray()).containsExactly(r.idOf("a"));
    }

    @Test
    void an_empty_population_comes_back_empty() throws Exception {
        Population p = new PopulationBuilder(Timestamps.parse(T)).build();
        Population r = roundTrip(p, 0L, dir);
        assertSamePopulation(p, r);
        assertThat(r.size()).isZero();
        assertThat(r.eventNames()).isEmpty();
    }

    @Test
    void strings_that_are_not_valid_utf16_survive_and_stay_distinct() throws Exception {
        PopulationBuilder b = new PopulationBuilder(Timestamps.parse(T));
        long t = Timestamps.parse("2025-01-01T00:00:00Z");
        // Two strings UTF-8 would both turn into "x?": a JSON escape can produce either.
        b.accept(Message.identify("u1", "m1", t, obj("name", Json.str("x\ud800")), null));
        b.accept(Message.identify("u2", "m2", t, obj("name", Json.str("x\udc00")), null));
        b.accept(Message.identify("u\ud83d", "m3", t, obj("name", Json.str("x?")), null));
        Population p = b.build();
        Population r = roundTrip(p, 3L, dir);
        assertSamePopulation(p, r);
        assertSameEvaluation(p, r, SegmentParser.parse("name = \"x?\""), Map.of());
    }

    @Test
    void writing_again_replaces_the_previous_snapshot() throws Exception {
        Path file = dir.resolve("s.snapshot");
        Population first = load("{\"type\":\"identify\",\"userId\":\"a\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"traits\":{\"x\":1}}");
        Population second = varied();
        PopulationSnapshot.write(first, 10L, file);
        PopulationSnapshot.write(second, 20L, file);
        PopulationSnapshot.Restored r = PopulationSnapshot.read(file);
        assertThat(r.storeSeq()).isEqualTo(20L);
        assertSamePopulation(second, r.population());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void the_same_population_gives_the_same_bytes() throws Exception {
        Population p = varied();
        PopulationSnapshot.write(p, 7L, dir.resolve("one"));
        PopulationSnapshot.write(roundTrip(p, 7L, dir), 7L, dir.resolve("two"));
        assertThat(Files.readAllBytes(dir.resolve("two"))).isEqualTo(Files.readAllBytes(dir.resolve("one")));
    }

    @Test
    void a_generated_population_evaluates_the_example_segments_identically() throws Exception {
        Path ndjson = dir.resolve("population.ndjson");
        PopulationGenerator.Options options = PopulationGenerator.Options.defaults(2_000);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(ndjson), 1 << 16)) {
            PopulationGenerator.write(options, out);
        }
        PopulationBuilder builder = new PopulationBuilder(options.end().toEpochMilli());
        NdjsonLoader.Result loaded = new NdjsonLoader(problem -> { }, true, 0L, Long.MAX_VALUE, 1).load(List.of(ndjson), builder::accept);
        Population p = builder.build();
        assertThat(p.size()).isEqualTo(2_000);

        Population r = roundTrip(p, loaded.lines(), dir);
        assertSamePopulation(p, r);

        SegmentDefinitions defs = SegmentDefinitions.read(Path.of("..", "examples", "healthcare-segments.tsv"));
        assertThat(defs.segments()).hasSizeGreaterThan(10);
        int nonEmpty = 0;
        for (SegmentDefinitions.Named s : defs.segments()) {
            RoaringBitmap want = new SegmentEngine(p).evaluate(s.condition(), defs.byName());
            assertThat(new SegmentEngine(r).evaluate(s.condition(), defs.byName())).as(s.name()).isEqualTo(want);
            if (!want.isEmpty()) nonEmpty++;
        }
        assertThat(nonEmpty).as("segments with members, so the comparison means something").isGreaterThan(defs.segments().size() / 2);
    }

    private static Json.Obj obj(String key, Json value) {
        return new Json.Obj(Map.of(key, value));
    }
}
