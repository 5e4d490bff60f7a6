package dev.strata.server.analytics;

import dev.strata.analytics.SampleEstimate;
import dev.strata.lang.Condition;
import dev.strata.live.LiveAnalytics;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.segments.SegmentService;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.SmallCells;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The builder's live size while editing: exact when it can be had in time, otherwise a sampled estimate with a 95% interval. */
@RestController
@Tag(name = "analytics")
@SecurityRequirement(name = "bearer")
public class EstimateController {
    /** What evaluation may take, leaving the rest of the 200 ms answer time to parsing and HTTP. */
    static final long BUDGET_NANOS = 150_000_000L;

    private final LiveAnalytics analytics;
    private final SegmentService segments;

    public EstimateController(LiveAnalytics analytics, SegmentService segments) {
        this.analytics = analytics;
        this.segments = segments;
    }

    /**
     * @param budgetMs what evaluation may take, 0..150 ms (default 150): less gives a rougher answer sooner,
     *                 and 0 always answers from the 1-in-64 sample
     */
    record EstimateRequest(String definition, Integer budgetMs) {
    }

    @Operation(summary = "Size of an unsaved definition within ~200 ms: {\"size\",\"exact\",\"low\",\"high\",\"tookMs\"};"
            + " an optional \"budgetMs\" (0..150) trades precision for time")
    @PostMapping(path = "/api/segments/estimate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
    public Map<String, Object> estimate(@RequestBody EstimateRequest body, Caller caller) {
        long t0 = System.nanoTime();
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        long budget = BUDGET_NANOS;
        if (body.budgetMs() != null) {
            if (body.budgetMs() < 0 || body.budgetMs() * 1_000_000L > BUDGET_NANOS) {
                throw ApiException.badRequest("\"budgetMs\" must be 0.." + BUDGET_NANOS / 1_000_000 + ", got " + body.budgetMs());
            }
            budget = body.budgetMs() * 1_000_000L;
        }
        Condition c = segments.parse(body.definition());
        SampleEstimate e;
        try {
            e = analytics.estimate(c, budget);
        } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest(ex.getMessage());
        }
        SmallCells cells = SmallCells.of(caller);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("size", cells.count(e.size()));
        out.put("exact", e.exact());
        out.put("low", cells.count(e.low()));
        out.put("high", cells.count(e.high()));
        out.put("tookMs", (System.nanoTime() - t0) / 1_000_000);
        return out;
    }
}
