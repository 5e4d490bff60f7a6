package dev.strata.live;

import dev.strata.analytics.FieldDescriptions;
import dev.strata.analytics.FieldSummary;
import dev.strata.analytics.Paths;
import dev.strata.engine.ColumnCensus;
import dev.strata.json.Json;
import dev.strata.lang.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Describes every field the engine holds: the snapshot's columns for untouched profiles, the live profiles' JSON for the rest. */
final class SchemaCensus {
    private SchemaCensus() {
    }

    /** Every field over the snapshot's untouched profiles and the live ones. Call under the read lock. */
    static LiveAnalytics.Schema describe(LiveEngine engine) {
        Map<Path, FieldSummary> traits = new HashMap<>();
        Map<Path, FieldSummary> context = new HashMap<>();
        Map<String, long[]> eventCounts = new TreeMap<>();
        Map<String, Map<Path, FieldSummary>> properties = new HashMap<>();
        ColumnCensus census = new ColumnCensus(engine.snapshotPopulation());
        var untouched = engine.untouchedSnapshotIds();
        census.profileFields(untouched, p -> traits.computeIfAbsent(p, k -> newSummary()), p -> context.computeIfAbsent(p, k -> newSummary()));
        census.events(untouched, new ColumnCensus.EventSink() {
            @Override
            public void event(String name, long count, long profiles) {
                long[] c = eventCounts.computeIfAbsent(name, k -> new long[2]);
                c[0] += count;
                c[1] += profiles;
            }

            @Override
            public FieldSummary property(String event, Path path) {
                return properties.computeIfAbsent(event, k -> new HashMap<>()).computeIfAbsent(path, k -> newSummary());
            }
        });
        for (Map.Entry<Integer, LiveProfile> e : engine.liveProfiles().entrySet()) {
            int u = e.getKey();
            LiveProfile p = e.getValue();
            feedObject(p.traits(), List.of(), u, traits);
            if (p.context() != null) feedObject(p.context(), List.of("context"), u, context);
            for (String name : p.eventCounts().keySet()) {
                EventSeries series = p.events(name);
                long[] c = eventCounts.computeIfAbsent(name, k -> new long[2]);
                c[0] += series.size();
                c[1]++;
                Map<Path, FieldSummary> props = properties.computeIfAbsent(name, k -> new HashMap<>());
                for (int row = 0; row < series.size(); row++) feedObject(series.properties(row), List.of(), u, props);
            }
        }
        List<LiveAnalytics.EventDescription> events = new ArrayList<>();
        eventCounts.forEach((name, c) -> {
            if (c[0] > 0) {
                events.add(new LiveAnalytics.EventDescription(name, c[0], c[1], FieldDescriptions.describe(properties.getOrDefault(name, Map.of()))));
            }
        });
        return new LiveAnalytics.Schema(FieldDescriptions.describe(traits), FieldDescriptions.describe(context), events);
    }

    private static FieldSummary newSummary() {
        return new FieldSummary(FieldDescriptions.MAX_SUGGESTED, FieldDescriptions.MAX_SUGGESTED);
    }

    /** Adds every value under a JSON object, path by path, for one owner. */
    static void feedObject(Json.Obj object, List<String> prefix, int owner, Map<Path, FieldSummary> into) {
        if (object == null) return;
        for (Map.Entry<String, Json> f : object.fields().entrySet()) {
            List<String> segments = new ArrayList<>(prefix);
            segments.add(f.getKey());
            Json v = f.getValue();
            if (v instanceof Json.Null || !Paths.isWritable(f.getKey())) continue;
            Path path = new Path(segments);
            FieldSummary s = into.computeIfAbsent(path, k -> newSummary());
            feedValue(v, owner, s);
            if (v instanceof Json.Obj o) feedObject(o, segments, owner, into);
        }
    }

    static void feedValue(Json v, int owner, FieldSummary s) {
        if (v instanceof Json.Str str) s.string(str.value(), 1, owner, ColumnCensus.isDate(str.value()));
        else if (v instanceof Json.Num n) s.number(n.value(), 1, owner);
        else if (v instanceof Json.Bool b) s.bool(b.value(), 1, owner);
        else if (v instanceof Json.Obj) s.object(1);
        else if (v instanceof Json.Arr) s.array(1);
    }
}
