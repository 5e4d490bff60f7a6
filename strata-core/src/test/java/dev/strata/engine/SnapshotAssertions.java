package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.lang.Condition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Checks shared by the snapshot tests: a population restored from a file holds the same arrays as
 * the original, cell by cell, and evaluates every condition to the same members.
 */
final class SnapshotAssertions {
    private SnapshotAssertions() {
    }

    /** Writes {@code p} to a snapshot in {@code dir} and reads it back, checking the sequence number survives. */
    static Population roundTrip(Population p, long storeSeq, Path dir) throws IOException {
        Path file = dir.resolve("population.snapshot");
        PopulationSnapshot.write(p, storeSeq, file);
        assertThat(dir.resolve("population.snapshot.partial")).as("temporary file left behind").doesNotExist();
        PopulationSnapshot.Restored r = PopulationSnapshot.read(file);
        assertThat(r.storeSeq()).isEqualTo(storeSeq);
        return r.population();
    }

    static void assertSameEvaluation(Population expected, Population actual, Condition c, Map<String, Condition> segments) {
        SegmentEngine a = new SegmentEngine(expected);
        SegmentEngine b = new SegmentEngine(actual);
        RoaringBitmap want = a.evaluate(c, segments);
        assertThat(b.evaluate(c, segments)).as("members of %s", c).isEqualTo(want);
        for (int u = 0; u < actual.size(); u++) {
            assertThat(b.test(u, c, segments)).as("test(%d) of %s", u, c).isEqualTo(want.contains(u));
        }
    }

    static void assertSamePopulation(Population expected, Population actual) {
        assertThat(actual.asOf()).as("asOf").isEqualTo(expected.asOf());
        assertThat(actual.size()).as("profiles").isEqualTo(expected.size());
        assertThat(actual.eventCount()).as("events").isEqualTo(expected.eventCount());
        for (int u = 0; u < expected.size(); u++) {
            assertThat(actual.userId(u)).as("user id %d", u).isEqualTo(expected.userId(u));
            assertThat(actual.idOf(expected.userId(u))).as("idOf %s", expected.userId(u)).isEqualTo(u);
        }
        assertThat(actual.idOf("no such profile")).isEqualTo(-1);
        StringDictionary d = expected.dictionary;
        assertThat(actual.dictionary.size()).as("dictionary size").isEqualTo(d.size());
        for (int code = 0; code < d.size(); code++) {
            assertThat(actual.dictionary.decode(code)).as("dictionary code %d", code).isEqualTo(d.decode(code));
            assertThat(actual.dictionary.lookup(d.decode(code))).as("lookup of code %d", code).isEqualTo(code);
        }
        assertSameLevel("traits", expected.traits.roots(), actual.traits.roots());
        assertSameLevel("context", expected.context.roots(), actual.context.roots());
        assertThat(actual.eventNames()).as("event names").isEqualTo(expected.eventNames());
        for (String name : expected.eventNames()) {
            EventLog e = expected.events(name);
            EventLog a = actual.events(name);
            assertThat(a.name).isEqualTo(name);
            assertThat(a.offsets()).as("offsets of %s", name).isEqualTo(e.offsets());
            assertThat(a.timestamps).as("timestamps of %s", name).isEqualTo(e.timestamps);
            assertThat(a.lastTimestamps).as("latest timestamps of %s", name).isEqualTo(e.lastTimestamps);
            assertThat(a.users).as("users of %s", name).isEqualTo(e.users);
            assertSameLevel("properties of " + name, e.properties().roots(), a.properties().roots());
        }
    }

    private static void assertSameLevel(String where, ColumnFamily.Level expected, ColumnFamily.Level actual) {
        assertThat(actual.size).as("keys under %s", where).isEqualTo(expected.size);
        for (int i = 0; i < expected.size; i++) {
            String path = where + "/" + expected.keys[i];
            assertThat(actual.keys[i]).as("key %d under %s", i, where).isEqualTo(expected.keys[i]);
            ValueColumn e = expected.nodes[i].column;
            ValueColumn a = actual.nodes[i].column;
            assertThat(a.tags).as("tags of %s", path).isEqualTo(e.tags);
            assertThat(a.present).as("present count of %s", path).isEqualTo(e.present);
            assertThat(a.nums).as("numbers of %s", path).isEqualTo(e.nums);
            assertThat(a.strs).as("string codes of %s", path).isEqualTo(e.strs);
            assertSameLevel(path, expected.nodes[i].children, actual.nodes[i].children);
        }
    }

    /** Deletes the files of a flat temporary directory and the directory. */
    static void deleteDirectory(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.delete(f);
        }
        Files.delete(dir);
    }
}
