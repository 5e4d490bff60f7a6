package dev.strata.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.engine.PopulationBuilder;
import dev.strata.engine.SegmentEngine;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import dev.strata.model.Message;
import dev.strata.reference.ReferenceEvaluator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.roaringbitmap.RoaringBitmap;

/**
 * The scorecard's figures, counted by intersecting rule and segment bitmaps from the columnar
 * engine, against a member-by-member count with the reference evaluator.
 */
class ScorecardMeasurementProperties {
    private static final List<String> SEGMENTS = List.of(
            "plan = \"medicare\"",
            "age(birthday) >= 50 and gender = \"female\"",
            "did \"App Open\" within 60d",
            "count(\"Medication Refill\" within 365d) >= 2",
            "false");

    @Property(tries = 25)
    void figuresAreTheCountsOfMembersMeetingEachRule(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int profiles) {
        List<Message> messages = new ScorecardPopulation(seed).profiles(profiles);
        long at = ScorecardPopulation.T;
        ScorecardRules rules = ScorecardRulesReader.defaults();
        PopulationBuilder builder = new PopulationBuilder(at);
        messages.forEach(builder::accept);
        var population = builder.build();
        SegmentEngine engine = new SegmentEngine(population);
        ScorecardMeasurement measurement = new ScorecardMeasurement(rules, c -> engine.evaluate(c, Map.of()));

        Map<String, RoaringBitmap> bitmaps = new LinkedHashMap<>();
        Map<String, Set<String>> reference = new LinkedHashMap<>();
        for (int i = 0; i < SEGMENTS.size(); i++) {
            Condition c = SegmentParser.parse(SEGMENTS.get(i));
            bitmaps.put("s" + i, engine.evaluate(c, Map.of()));
            reference.put("s" + i, ReferenceEvaluator.members(messages, at, c, Map.of()));
        }
        List<SegmentFigures> figures = measurement.figures(bitmaps);

        for (SegmentFigures f : figures) {
            Set<String> members = reference.get(f.id());
            assertThat(f.size()).isEqualTo(members.size());
            Set<String> any = new HashSet<>();
            for (int i = 0; i < rules.channels().size(); i++) {
                Set<String> reached = meeting(messages, at, rules.channels().get(i).reachable(), members);
                any.addAll(reached);
                assertThat(f.reach().get(i)).as(f.id() + " reach " + rules.channels().get(i).name()).isEqualTo(reached.size());
            }
            assertThat(f.reachAny()).isEqualTo(any.size());
            double scoreSum = 0;
            for (int i = 0; i < rules.engagement().size(); i++) {
                Set<String> met = meeting(messages, at, rules.engagement().get(i).condition(), members);
                assertThat(f.signals().get(i)).isEqualTo(met.size());
                scoreSum += rules.engagement().get(i).weight() * met.size();
            }
            for (int i = 0; i < rules.rates().size(); i++) {
                ScorecardRules.Rate rate = rules.rates().get(i);
                Set<String> eligible = meeting(messages, at, rate.eligible(), members);
                Set<String> counted = meeting(messages, at, rate.counted(), eligible);
                assertThat(f.eligible().get(i)).as(f.id() + " eligible " + rate.name()).isEqualTo(eligible.size());
                assertThat(f.counted().get(i)).as(f.id() + " counted " + rate.name()).isEqualTo(counted.size());
            }
            // The mean of each member's own score (the weights of the signals they meet, out of 100).
            Double engagement = ScorecardMetrics.engagement(rules, f);
            if (members.isEmpty()) {
                assertThat(engagement).isNull();
            } else {
                assertThat(engagement).isCloseTo(100 * scoreSum / (rules.engagementWeight() * members.size()), within(1e-9));
            }
            for (SegmentFigures.Overlap o : f.overlaps()) {
                Set<String> both = new HashSet<>(members);
                both.retainAll(reference.get(o.id()));
                assertThat(o.count()).isEqualTo(both.size());
            }
            assertThat(f.overlaps()).hasSize(SEGMENTS.size() - 1);
        }
    }

    private static Set<String> meeting(List<Message> messages, long at, Condition c, Set<String> among) {
        Set<String> out = new HashSet<>(ReferenceEvaluator.members(messages, at, c, Map.of()));
        out.retainAll(among);
        return out;
    }
}
