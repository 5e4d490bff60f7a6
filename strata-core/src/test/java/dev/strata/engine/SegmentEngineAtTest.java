package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.json.Json;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** A population read as of an instant before some of its events: those events are outside every window. */
class SegmentEngineAtTest {
    static final long DAY = 86_400_000L;
    static final long T = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

    @Test
    void eventsAfterTheInstantAreLeftOutEvenByTheLatestEventShortcuts() {
        PopulationBuilder b = new PopulationBuilder(Long.MAX_VALUE);
        // a: one event 20 days before T, one at T; b: one at T only; c: three in the week before T - 10d
        b.accept(Message.track("a", "m1", T - 20 * DAY, "Open", Json.Obj.EMPTY, null));
        b.accept(Message.track("a", "m2", T, "Open", Json.Obj.EMPTY, null));
        b.accept(Message.track("b", "m3", T, "Open", Json.Obj.EMPTY, null));
        for (int i = 0; i < 3; i++) b.accept(Message.track("c", "c" + i, T - 11 * DAY - i * DAY, "Open", new Json.Obj(Map.of()), null));
        SegmentEngine engine = new SegmentEngine(b.build());
        SegmentEngine past = engine.at(T - 10 * DAY);
        Population p = engine.population();
        assertThat(names(p, past.evaluate(SegmentParser.parse("did \"Open\" within 7d"), Map.of()))).containsExactly("c");
        assertThat(names(p, past.evaluate(SegmentParser.parse("did \"Open\" within 15d"), Map.of()))).containsExactly("a", "c");
        assertThat(names(p, past.evaluate(SegmentParser.parse("count(\"Open\" within 7d) >= 2"), Map.of()))).containsExactly("c");
        assertThat(names(p, past.evaluate(SegmentParser.parse("count(\"Open\") >= 1"), Map.of()))).containsExactly("a", "c");
        assertThat(names(p, engine.at(T).evaluate(SegmentParser.parse("did \"Open\" within 7d"), Map.of()))).containsExactly("a", "b");
    }

    private static java.util.List<String> names(Population p, RoaringBitmap members) {
        java.util.List<String> out = new java.util.ArrayList<>();
        members.forEach((int u) -> out.add(p.userId(u)));
        out.sort(null);
        return out;
    }
}
