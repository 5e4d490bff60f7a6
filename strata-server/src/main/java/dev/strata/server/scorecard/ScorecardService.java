package dev.strata.server.scorecard;

import dev.strata.lang.SegmentPrinter;
import dev.strata.live.LiveAnalytics;
import dev.strata.scorecard.Ranking;
import dev.strata.scorecard.ScorecardCounts;
import dev.strata.scorecard.ScorecardMetrics;
import dev.strata.scorecard.ScorecardRules;
import dev.strata.scorecard.SegmentFigures;
import dev.strata.server.analytics.HistoryService;
import dev.strata.server.analytics.HistoryView;
import dev.strata.server.security.Caller;
import dev.strata.server.segments.SegmentService;
import dev.strata.server.web.SmallCells;
import dev.strata.store.SegmentRepository.SegmentRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Scorecards of every saved segment, ranked with the caller's weights. The counts are exact and
 * taken at one instant; the caller sees them under the small-cell rule, and the ranking is computed
 * from what the caller sees, so it cannot reveal a withheld count either.
 */
@Service
public class ScorecardService {
    static final int OVERLAPS_SHOWN = 5;
    static final int GROWTH_DAYS = 30;

    private final LiveAnalytics analytics;
    private final SegmentService segments;
    private final HistoryService histories;
    private final ScorecardRules rules;
    private final Map<String, Object> rulesShown;

    public ScorecardService(LiveAnalytics analytics, SegmentService segments, HistoryService histories, ScorecardRules rules) {
        this.analytics = analytics;
        this.segments = segments;
        this.histories = histories;
        this.rules = rules;
        this.rulesShown = java.util.Collections.unmodifiableMap(showRules());
    }

    /** The population's figures (what the segments are compared with) and every segment as JSON, best first. */
    public record Ranked(Map<String, Object> population, List<Map<String, Object>> segments) {
    }

    /** Every segment the engine holds, best first. */
    public Ranked rank(Caller caller, Map<String, Double> weights) {
        Instant at = Instant.now();
        LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(at.toEpochMilli(), HistoryView.DAY_MS));
        SmallCells rule = SmallCells.of(caller);
        Map<String, SegmentRecord> byId = new LinkedHashMap<>();
        for (SegmentRecord s : segments.list()) byId.put(s.id(), s);
        // Segments the engine does not hold (not definable at start, or deleted meanwhile) are left out of the counts.
        ScorecardCounts counts = analytics.scorecard(rules, new ArrayList<>(byId.keySet()));
        ShownFigures everyone = new ShownFigures(rules, counts.population(), rule);
        SegmentFigures prior = everyone.known();
        List<Ranking.Row> rows = new ArrayList<>();
        Map<String, Map<String, Object>> json = new HashMap<>();
        for (SegmentFigures f : counts.segments()) {
            SegmentRecord s = byId.get(f.id());
            ShownFigures shown = new ShownFigures(rules, f, rule);
            // The size now is the scorecard's own, so today's point agrees with it.
            HistoryView history = new HistoryView(histories.history(s, GROWTH_DAYS + 1, f.size().intValue()), rule);
            Object then = history.sizes(today, GROWTH_DAYS + 1).get(0);
            Long sizeThen = then instanceof Long n ? n : null;
            Map<String, Double> metrics = ScorecardMetrics.of(rules, shown.known(), sizeThen);
            Map<String, Double> ranked = ScorecardMetrics.forRanking(rules, shown.known(), sizeThen, prior);
            rows.add(new Ranking.Row(f.id(), ranked));
            Map<String, Object> row = row(s.id(), s.name(), s.kind(), shown, then, metrics);
            row.put("overlaps", shown.overlaps(id -> byId.get(id).name(), OVERLAPS_SHOWN));
            row.put("rankingMetrics", ranked);
            json.put(f.id(), row);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Ranking.Ranked r : Ranking.rank(rows, weights)) {
            Map<String, Object> row = json.get(r.id());
            row.put("rank", r.rank());
            row.put("score", r.score());
            row.put("contributions", r.contributions());
            row.put("missing", r.missing());
            out.add(row);
        }
        Map<String, Object> population = row(null, "Everyone", null, everyone, null, ScorecardMetrics.of(rules, prior, null));
        return new Ranked(population, out);
    }

    private static Map<String, Object> row(String id, String name, String kind, ShownFigures shown, Object then, Map<String, Double> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("kind", kind);
        m.put("size", shown.size());
        m.put("size30dAgo", then);
        m.put("growth", metrics.get(ScorecardMetrics.GROWTH));
        m.put("reach", shown.reach());
        Map<String, Object> engagement = new LinkedHashMap<>();
        engagement.put("score", metrics.get(ScorecardMetrics.ENGAGEMENT));
        engagement.put("signals", shown.signals());
        m.put("engagement", engagement);
        m.put("adherenceGap", metrics.get(ScorecardMetrics.ADHERENCE_GAP));
        m.put("screeningGap", metrics.get(ScorecardMetrics.SCREENING_GAP));
        m.put("rates", shown.rates());
        m.put("metrics", metrics);
        return m;
    }

    /** The rules as the API shows them, printed once: they do not change while the server runs. */
    public Map<String, Object> rules() {
        return rulesShown;
    }

    private Map<String, Object> showRules() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> channels = new ArrayList<>();
        for (ScorecardRules.Channel c : rules.channels()) channels.add(Map.of("name", c.name(), "reachable", SegmentPrinter.print(c.reachable())));
        List<Map<String, Object>> signals = new ArrayList<>();
        for (ScorecardRules.Signal s : rules.engagement()) {
            signals.add(Map.of("name", s.name(), "weight", s.weight(), "when", SegmentPrinter.print(s.condition())));
        }
        List<Map<String, Object>> rates = new ArrayList<>();
        for (ScorecardRules.Rate r : rules.rates()) {
            rates.add(Map.of("name", r.name(), "kind", r.kind().word(), "eligible", SegmentPrinter.print(r.eligible()),
                    r.kind() == ScorecardRules.RateKind.ADHERENCE ? "adherent" : "due", SegmentPrinter.print(r.counted())));
        }
        out.put("channels", channels);
        out.put("engagement", signals);
        out.put("rates", rates);
        out.put("metrics", ScorecardMetrics.names(rules));
        return out;
    }

    public ScorecardRules ruleSet() {
        return rules;
    }
}
