package dev.strata.server.segments;

import dev.strata.lang.Conditions;
import dev.strata.lang.SegmentParser;
import dev.strata.lang.SegmentSyntaxException;
import dev.strata.store.SegmentRepository.SegmentRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders saved segments so that each comes after the segments it refers to with
 * {@code in segment "name"}: the engine can only define a segment whose references it knows.
 * An edit may make an old segment refer to a newer one, so creation order is not enough.
 */
final class SegmentOrder {
    private SegmentOrder() {
    }

    static List<SegmentRecord> dependenciesFirst(List<SegmentRecord> segments) {
        Map<String, SegmentRecord> byName = new LinkedHashMap<>();
        for (SegmentRecord s : segments) byName.put(s.name(), s);
        Map<String, List<String>> refs = new HashMap<>();
        for (SegmentRecord s : segments) refs.put(s.name(), references(s));
        List<SegmentRecord> out = new ArrayList<>(segments.size());
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (SegmentRecord s : segments) visit(s.name(), byName, refs, done, visiting, out);
        return out;
    }

    private static void visit(String name, Map<String, SegmentRecord> byName, Map<String, List<String>> refs,
                              Set<String> done, Set<String> visiting, List<SegmentRecord> out) {
        if (done.contains(name) || !byName.containsKey(name) || !visiting.add(name)) return;
        for (String r : refs.getOrDefault(name, List.of())) visit(r, byName, refs, done, visiting, out);
        visiting.remove(name);
        done.add(name);
        out.add(byName.get(name));
    }

    private static List<String> references(SegmentRecord s) {
        if (s.definition() == null) return List.of();
        try {
            return Conditions.referencedSegments(SegmentParser.parse(s.definition()));
        } catch (SegmentSyntaxException e) {
            return List.of(); // reported when the segment itself is installed
        }
    }
}
