package dev.strata.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.analytics.SampleEstimate;
import dev.strata.json.Json;
import dev.strata.lang.Condition;
import dev.strata.lang.SegmentParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** Sampled evaluation against exact evaluation, over snapshot and live profiles. */
class LiveAnalyticsEstimateTest {
    static final String[] DEFINITIONS = {
        "gender = \"female\"",
        "age(birthday) >= 65 and address.state in (\"CA\", \"OR\")",
        "count(\"App Open\" within 30d) >= 3",
        "not did \"App Open\" within 14d",
        "did \"Doctor Visit\" within 60d or (diabetes = true and plan = \"medicare\")",
        "in segment \"Seniors\" and not in segment \"Frozen\"",
        "income_band <= 2 and context.device.type = \"ios\"",
    };
    static AnalyticsPopulation data;
    static LiveEngine engine;
    static LiveAnalytics analytics;

    @BeforeAll
    static void build() {
        data = new AnalyticsPopulation(60_000, 3);
        engine = data.engine();
        engine.define("seniors", "Seniors", SegmentParser.parse("age(birthday) >= 65"), SegmentKind.DYNAMIC, null);
        engine.define("frozen", "Frozen", SegmentParser.parse("plan = \"medicaid\""), SegmentKind.STATIC, null);
        List<dev.strata.model.Message> live = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            live.add(data.track("u" + (i * 17), "App Open", data.clock[0] - AnalyticsPopulation.DAY));
            if (i % 3 == 0) live.add(data.identify("u" + (i * 13), "plan", new Json.Str("medicare")));
        }
        for (int i = 0; i < 500; i++) live.addAll(data.person("new" + i));
        engine.apply(live);
        engine.erase("u5");
        analytics = new LiveAnalytics(engine);
    }

    @Test
    void evaluatingWithinASampleEqualsTheFullEvaluationRestrictedToIt() {
        for (String d : DEFINITIONS) {
            Condition c = SegmentParser.parse(d);
            long now = data.clock[0];
            RoaringBitmap all = engine.underReadLock(() -> engine.membersAt(c, now));
            RoaringBitmap snapshotSample = new Sampling(engine.snapshotSize()).snapshotIds(3);
            RoaringBitmap within = engine.underReadLock(() -> engine.membersWithin(c, now, snapshotSample, u -> Sampling.sampled(u, 3)));
            RoaringBitmap expected = new RoaringBitmap();
            all.forEach((int u) -> {
                if (Sampling.sampled(u, 3)) expected.add(u);
            });
            assertThat(within).as(d).isEqualTo(expected);
            assertThat(within.getCardinality()).as(d).isGreaterThan(0);
        }
    }

    @Test
    void aSampledEstimateHoldsTheExactSizeInItsInterval() {
        int inside = 0;
        for (String d : DEFINITIONS) {
            Condition c = SegmentParser.parse(d);
            long exact = engine.preview(c);
            SampleEstimate e = analytics.estimate(c, 0);
            assertThat(e.exact()).isFalse();
            assertThat(e.sampled()).isBetween(800L, 1100L); // 1 in 64 of ~60,500 profiles
            assertThat(e.low()).isLessThanOrEqualTo(e.size());
            assertThat(e.high()).isGreaterThanOrEqualTo(e.size());
            if (e.low() <= exact && exact <= e.high()) inside++;
        }
        // 95% intervals: with seven definitions, all but at most one are expected to hold the truth.
        assertThat(inside).isGreaterThanOrEqualTo(DEFINITIONS.length - 1);
    }

    @Test
    void withTimeToSpareTheEstimateIsExact() {
        for (String d : DEFINITIONS) {
            Condition c = SegmentParser.parse(d);
            SampleEstimate e = analytics.estimate(c, 60_000_000_000L);
            assertThat(e.exact()).isTrue();
            assertThat(e.size()).isEqualTo(engine.preview(c)).isEqualTo(e.low()).isEqualTo(e.high());
            assertThat(e.sampled()).isEqualTo(engine.profileCount());
        }
    }

    @Test
    void theFixedCostIsMeasuredOnceForManySampledEstimatesAndNotAtAllWithoutABudget() {
        LiveAnalytics fresh = new LiveAnalytics(engine);
        fresh.estimate(SegmentParser.parse(DEFINITIONS[0]), 0);
        assertThat(fresh.fixedMeasurements()).isZero();
        for (String d : DEFINITIONS) {
            Condition c = SegmentParser.parse(d);
            // a budget already spent: sampled, through the forecast
            SampleEstimate e = fresh.estimate(c, 1);
            assertThat(e.exact()).as(d).isFalse();
            assertThat(e).as(d).isEqualTo(fresh.estimate(c, 0));
        }
        assertThat(fresh.fixedMeasurements()).isEqualTo(1);
    }
}
