package dev.strata.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static Ranking.Row row(String id, Double size, Double reach) {
        Map<String, Double> m = new HashMap<>();
        m.put("size", size);
        m.put("reach", reach);
        return new Ranking.Row(id, m);
    }

    @Test
    void scoresAreWeightedMeansOfRescaledMetrics() {
        List<Ranking.Ranked> out = Ranking.rank(List.of(row("a", 9.0, 0.2), row("b", 99.0, 0.6), row("c", 999.0, 0.4)),
                Map.of("size", 1.0, "reach", 3.0));
        // size on log10(1+x): a 1, b 2, c 3 -> 0, 0.5, 1; reach 0.2, 0.6, 0.4 -> 0, 1, 0.5
        Map<String, Double> scores = new HashMap<>();
        out.forEach(r -> scores.put(r.id(), r.score()));
        assertThat(scores.get("a")).isCloseTo(0, within(1e-9));
        assertThat(scores.get("b")).isCloseTo(100 * (0.5 + 3) / 4, within(1e-9));
        assertThat(scores.get("c")).isCloseTo(100 * (1 + 1.5) / 4, within(1e-9));
        assertThat(out).extracting(Ranking.Ranked::id).containsExactly("b", "c", "a");
        assertThat(out).extracting(Ranking.Ranked::rank).containsExactly(1, 2, 3);
        assertThat(out.get(0).contributions().get("reach")).isCloseTo(75, within(1e-9));
    }

    @Test
    void aNegativeWeightPrefersLowValues() {
        List<Ranking.Ranked> out = Ranking.rank(List.of(row("a", 10.0, 0.2), row("b", 10.0, 0.6)), Map.of("reach", -1.0));
        assertThat(out).extracting(Ranking.Ranked::id).containsExactly("a", "b");
        assertThat(out.get(0).score()).isEqualTo(100);
    }

    @Test
    void aMissingMetricIsListedAndTheOthersScore() {
        List<Ranking.Ranked> out = Ranking.rank(List.of(row("a", 10.0, null), row("b", 100.0, 0.5), row("c", null, null)),
                Map.of("size", 1.0, "reach", 1.0, "growth", 0.0));
        assertThat(out).extracting(Ranking.Ranked::id).containsExactly("b", "a", "c");
        assertThat(out.get(1).missing()).containsExactly("reach");
        assertThat(out.get(1).score()).isEqualTo(0);
        assertThat(out.get(2).score()).isNull();
        assertThat(out.get(2).missing()).containsExactlyInAnyOrder("size", "reach");
    }

    @Property(tries = 200)
    void raisingAPositivelyWeightedMetricNeverLowersAScore(@ForAll @IntRange(min = 2, max = 8) int n, @ForAll long seed,
                                                          @ForAll @DoubleRange(min = 0.01, max = 1) double bump) {
        java.util.Random r = new java.util.Random(seed);
        List<Ranking.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) rows.add(row("s" + i, (double) r.nextInt(100_000), r.nextDouble()));
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("size", r.nextDouble() * 2 - 1);
        weights.put("reach", 0.1 + r.nextDouble());
        List<Ranking.Ranked> before = Ranking.rank(rows, weights);
        Ranking.Row raised = row("s0", rows.get(0).metrics().get("size"), rows.get(0).metrics().get("reach") + bump);
        rows.set(0, raised);
        List<Ranking.Ranked> after = Ranking.rank(rows, weights);
        int rankBefore = before.stream().filter(x -> x.id().equals("s0")).findFirst().orElseThrow().rank();
        int rankAfter = after.stream().filter(x -> x.id().equals("s0")).findFirst().orElseThrow().rank();
        assertThat(rankAfter).isLessThanOrEqualTo(rankBefore);
        for (Ranking.Ranked x : after) assertThat(x.score()).isBetween(0.0, 100.0);
    }
}
