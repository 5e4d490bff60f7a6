package dev.strata.server.scorecard;

import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.segments.SegmentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Segment scorecards and their ranking. Aggregates only: open to analysts under the small-cell rule. */
@RestController
@Tag(name = "scorecard")
@SecurityRequirement(name = "bearer")
@Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
public class ScorecardController {
    private final ScorecardService scorecards;
    private final SegmentService segments;

    public ScorecardController(ScorecardService scorecards, SegmentService segments) {
        this.scorecards = scorecards;
        this.segments = segments;
    }

    /** Weights for the ranking, metric to number. */
    public record WeightsBody(Map<String, Double> weights) {
    }

    @Operation(summary = "Every segment's scorecard (size, growth, reach per channel, engagement, adherence and screening gaps, overlaps), ranked by weights given as metric:weight pairs")
    @GetMapping(path = "/api/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> ranking(@RequestParam(name = "weights", required = false) String weights, Caller caller) {
        return ranking(ScorecardWeights.parse(weights, scorecards.ruleSet()), caller);
    }

    @Operation(summary = "The same ranking with the weights as a JSON object: {\"weights\": {\"size\": 1, \"screening_gap\": 2}}")
    @PostMapping(path = "/api/scorecard", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> ranking(@RequestBody(required = false) WeightsBody body, Caller caller) {
        return ranking(ScorecardWeights.of(body == null ? null : body.weights(), scorecards.ruleSet()), caller);
    }

    @Operation(summary = "One segment's scorecard and its place in the ranking of all segments")
    @GetMapping(path = "/api/segments/{id}/scorecard", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> segment(@PathVariable("id") String id, @RequestParam(name = "weights", required = false) String weights,
                                       Caller caller) {
        segments.get(id); // 404 for an unknown id
        Map<String, Double> w = ScorecardWeights.parse(weights, scorecards.ruleSet());
        ScorecardService.Ranked ranked = scorecards.rank(caller, w);
        List<Map<String, Object>> all = ranked.segments();
        Map<String, Object> out = head(w);
        out.put("population", ranked.population());
        out.put("of", all.size());
        out.put("segment", all.stream().filter(row -> id.equals(row.get("id"))).findFirst().orElse(null));
        return out;
    }

    private Map<String, Object> ranking(Map<String, Double> weights, Caller caller) {
        Map<String, Object> out = head(weights);
        ScorecardService.Ranked ranked = scorecards.rank(caller, weights);
        out.put("population", ranked.population());
        out.put("segments", ranked.segments());
        return out;
    }

    private Map<String, Object> head(Map<String, Double> weights) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", Instant.now().toString());
        out.put("weights", weights);
        out.put("rules", scorecards.rules());
        return out;
    }
}
