package dev.strata.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardMetricsTest {
    private static final ScorecardRules RULES = ScorecardRulesReader.defaults();

    /** 200 members; reach email 120, sms 50, push 30, mail 190, any 195; signals 100, 50, 40, 20, 10. */
    private static SegmentFigures figures(Long... rateCounts) {
        // eligible, counted pairs for statins, ras, diabetes, colorectal, breast, cervical
        List<Long> eligible = new ArrayList<>();
        List<Long> counted = new ArrayList<>();
        for (int i = 0; i < rateCounts.length; i += 2) {
            eligible.add(rateCounts[i]);
            counted.add(rateCounts[i + 1]);
        }
        return new SegmentFigures("s", 200L, List.of(120L, 50L, 30L, 190L), 195L, List.of(100L, 50L, 40L, 20L, 10L),
                eligible, counted, List.of());
    }

    @Test
    void metricsAreComputedFromTheCounts() {
        SegmentFigures f = figures(40L, 30L, 60L, 30L, 0L, 0L, 100L, 70L, 50L, 10L, 30L, 20L);
        Map<String, Double> m = ScorecardMetrics.of(RULES, f, 160L);
        assertThat(m.get("size")).isEqualTo(200);
        assertThat(m.get("growth")).isCloseTo(0.25, within(1e-12));
        assertThat(m.get("reach")).isCloseTo(195 / 200.0, within(1e-12));
        assertThat(m.get("reach.sms")).isCloseTo(0.25, within(1e-12));
        // (30*100 + 25*50 + 15*40 + 15*20 + 15*10) / (100 * 200) * 100
        assertThat(m.get("engagement")).isCloseTo(100.0 * (3000 + 1250 + 600 + 300 + 150) / 20_000, within(1e-12));
        // pooled adherence: 60 adherent of 100 eligible pairs -> gap 0.4
        assertThat(m.get("adherence_gap")).isCloseTo(0.4, within(1e-12));
        // pooled screening: 100 due of 180 eligible pairs
        assertThat(m.get("screening_gap")).isCloseTo(100 / 180.0, within(1e-12));
        assertThat(m.get("rate.statins")).isCloseTo(0.75, within(1e-12));
        assertThat(m.get("rate.diabetes")).isNull();
        assertThat(m.keySet()).containsExactlyElementsOf(ScorecardMetrics.names(RULES));
    }

    @Test
    void aWithheldCountLeavesEveryMetricBuiltOnItUnknown() {
        SegmentFigures f = figures(40L, null, 60L, 30L, 0L, 0L, 100L, 70L, 50L, 10L, 30L, 20L);
        Map<String, Double> m = ScorecardMetrics.of(RULES, f, null);
        assertThat(m.get("growth")).isNull();
        assertThat(m.get("adherence_gap")).isNull();
        assertThat(m.get("rate.statins")).isNull();
        assertThat(m.get("rate.ras_antagonists")).isEqualTo(0.5);
        assertThat(m.get("screening_gap")).isNotNull();

        List<Long> signals = new ArrayList<>(Arrays.asList(100L, 50L, null, 20L, 10L));
        SegmentFigures hiddenSignal = new SegmentFigures("s", 200L, f.reach(), 195L, signals, f.eligible(), f.counted(), List.of());
        assertThat(ScorecardMetrics.engagement(RULES, hiddenSignal)).isNull();
    }

    @Test
    void theRankingWeighsEachShareByItsCredibility() {
        SegmentFigures f = figures(40L, 30L, 60L, 30L, 0L, 0L, 100L, 70L, 50L, 10L, 30L, 20L);
        // everyone: 1000 profiles, reach any 800, email 500; signals 300, 600, 500, 200, 50; rates as below
        SegmentFigures everyone = new SegmentFigures("everyone", 1000L, List.of(500L, 300L, 200L, 700L), 800L,
                List.of(300L, 600L, 500L, 200L, 50L), List.of(200L, 150L, 100L, 400L, 300L, 250L), List.of(150L, 90L, 80L, 200L, 150L, 100L),
                List.of());
        Map<String, Double> m = ScorecardMetrics.forRanking(RULES, f, 160L, everyone);
        double k = ScorecardMetrics.CREDIBILITY;
        assertThat(m.get("size")).isEqualTo(200);
        assertThat(m.get("growth")).isCloseTo(40 / (160 + k), within(1e-12));
        assertThat(m.get("reach")).isCloseTo((195 + k * 0.8) / (200 + k), within(1e-12));
        assertThat(m.get("reach.email")).isCloseTo((120 + k * 0.5) / (200 + k), within(1e-12));
        double everyoneEngagement = 100.0 * (30 * 300 + 25 * 600 + 15 * 500 + 15 * 200 + 15 * 50) / (100 * 1000);
        double sum = 100.0 * (30 * 100 + 25 * 50 + 15 * 40 + 15 * 20 + 15 * 10) / 100;
        assertThat(m.get("engagement")).isCloseTo((sum + k * everyoneEngagement) / (200 + k), within(1e-12));
        // adherence: the segment has 40 not adherent of 100 eligible; everyone 130 of 450
        assertThat(m.get("adherence_gap")).isCloseTo((40 + k * 130 / 450.0) / (100 + k), within(1e-12));
        assertThat(m.get("rate.statins")).isCloseTo((30 + k * 0.75) / (40 + k), within(1e-12));
        // no one eligible stays unknown rather than taking the population's rate
        assertThat(m.get("rate.diabetes")).isNull();
    }

    @Test
    void anEmptySegmentHasOnlyItsSize() {
        List<Long> zeros4 = List.of(0L, 0L, 0L, 0L);
        List<Long> zeros6 = List.of(0L, 0L, 0L, 0L, 0L, 0L);
        SegmentFigures f = new SegmentFigures("s", 0L, zeros4, 0L, List.of(0L, 0L, 0L, 0L, 0L), zeros6, zeros6, List.of());
        Map<String, Double> m = ScorecardMetrics.of(RULES, f, 0L);
        assertThat(m.get("size")).isEqualTo(0);
        m.forEach((k, v) -> {
            if (!k.equals("size")) assertThat(v).as(k).isNull();
        });
    }
}
