package dev.strata.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.engine.PopulationBuilder;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.live.LiveAnalytics;
import dev.strata.live.LiveEngine;
import dev.strata.live.SegmentKind;
import dev.strata.model.Message;
import dev.strata.reference.ReferenceEvaluator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.roaringbitmap.RoaringBitmap;

/**
 * The live engine's scorecard (rules evaluated in parallel, rates counted among the eligible only)
 * over profiles partly in the snapshot and partly live, against the reference evaluator's members
 * counted one by one.
 */
class LiveScorecardProperties {

    @Property(tries = 15)
    void theLiveScorecardCountsWhatTheReferenceCounts(@ForAll long seed, @ForAll @IntRange(min = 2, max = 150) int profiles,
                                                     @ForAll @IntRange(min = 0, max = 100) int livePercent) {
        List<Message> messages = new ScorecardPopulation(seed).profiles(profiles);
        long at = ScorecardPopulation.T;
        int cut = messages.size() * (100 - livePercent) / 100;
        PopulationBuilder builder = new PopulationBuilder(at);
        messages.subList(0, cut).forEach(builder::accept);
        LiveEngine engine = new LiveEngine(builder.build(), () -> at);
        List<Message> rest = new ArrayList<>(messages.subList(cut, messages.size()));
        if (!rest.isEmpty()) engine.apply(rest);
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put("medicare", "plan = \"medicare\"");
        definitions.put("women", "gender = \"female\"");
        definitions.put("refills", "count(\"Medication Refill\" within 365d) >= 2");
        List<String> ids = new ArrayList<>(definitions.keySet());
        definitions.forEach((id, text) -> engine.define(id, id, SegmentParser.parse(text), SegmentKind.DYNAMIC, null));

        ScorecardRules rules = ScorecardRulesReader.defaults();
        List<String> asked = new ArrayList<>(ids);
        asked.add(1, "deleted-meanwhile");
        ScorecardCounts counts = new LiveAnalytics(engine).scorecard(rules, asked);
        assertThat(counts.segments()).extracting(SegmentFigures::id).containsExactlyElementsOf(ids);
        List<SegmentFigures> live = counts.segments();

        Map<String, RoaringBitmap> reference = new LinkedHashMap<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Message m : messages) index.putIfAbsent(m.userId(), index.size());
        ScorecardMeasurement expected = new ScorecardMeasurement(rules, c -> bitmap(ReferenceEvaluator.members(messages, at, c, Map.of()), index));
        for (String id : ids) reference.put(id, bitmap(ReferenceEvaluator.members(messages, at, SegmentParser.parse(definitions.get(id)), Map.of()), index));
        List<SegmentFigures> want = expected.figures(reference);
        SegmentFigures everyone = expected.figures(ScorecardCounts.POPULATION, bitmap(ReferenceEvaluator.knownUsers(messages, at), index), Map.of());
        assertThat(counts.population()).isEqualTo(everyone);
        for (int i = 0; i < ids.size(); i++) {
            SegmentFigures got = live.get(i);
            SegmentFigures w = want.get(i);
            assertThat(got.size()).as(ids.get(i)).isEqualTo(w.size());
            assertThat(got.reach()).as(ids.get(i) + " reach").isEqualTo(w.reach());
            assertThat(got.reachAny()).isEqualTo(w.reachAny());
            assertThat(got.signals()).as(ids.get(i) + " signals").isEqualTo(w.signals());
            assertThat(got.eligible()).as(ids.get(i) + " eligible").isEqualTo(w.eligible());
            assertThat(got.counted()).as(ids.get(i) + " counted").isEqualTo(w.counted());
            assertThat(got.overlaps()).isEqualTo(w.overlaps());
        }
    }

    private static RoaringBitmap bitmap(Set<String> users, Map<String, Integer> index) {
        RoaringBitmap out = new RoaringBitmap();
        for (String u : users) out.add(index.get(u));
        return out;
    }
}
