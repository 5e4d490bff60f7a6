package dev.strata.server.analytics;

import dev.strata.lang.Condition;
import dev.strata.lang.SegmentSyntaxException;
import dev.strata.live.LiveAnalytics;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.segments.SegmentService;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.SmallCells;
import dev.strata.server.web.Texts;
import dev.strata.store.SegmentRepository.SegmentRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Aggregates over a population given as a definition: breakdowns, event activity, overlaps. Open to analysts, under the small-cell rule. */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "analytics")
@SecurityRequirement(name = "bearer")
@Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
public class AnalyticsController {
    static final int MAX_BUCKETS = 100;
    static final int MAX_DAYS = 366;
    static final int MAX_OVERLAP_ROWS = 50;
    private static final long DAY = 86_400_000L;

    private final LiveAnalytics analytics;
    private final SegmentService segments;

    public AnalyticsController(LiveAnalytics analytics, SegmentService segments) {
        this.analytics = analytics;
        this.segments = segments;
    }

    @Operation(summary = "A population by a dimension (age_band or a trait/context path): buckets with the condition selecting each, and the missing count")
    @PostMapping(path = "/breakdown", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> breakdown(@RequestBody AnalyticsRequests.Breakdown body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        Condition base = segments.parse(body.definition());
        if (body.by() == null || body.by().isBlank()) throw ApiException.badRequest("\"by\" is required: age_band or a trait path");
        int limit = body.limit() == null ? 20 : body.limit();
        if (limit < 1 || limit > MAX_BUCKETS) throw ApiException.badRequest("'limit' must be 1.." + MAX_BUCKETS + ", got " + limit);
        LiveAnalytics.Breakdown b;
        try {
            b = analytics.breakdown(base, body.by().strip(), limit);
        } catch (SegmentSyntaxException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "\"by\" is not a path: " + e.reason(), Map.of("field", "by"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return BreakdownView.of(b, body.by().strip(), SmallCells.of(caller));
    }

    @Operation(summary = "Events of one name per day (UTC) for a population against everyone, with rates per 1000 profiles")
    @PostMapping(path = "/activity", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> activity(@RequestBody AnalyticsRequests.Activity body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        Condition base = segments.parse(body.definition());
        if (body.event() == null || body.event().isEmpty()) throw ApiException.badRequest("\"event\" is required");
        int days = body.days() == null ? 90 : body.days();
        if (days < 1 || days > MAX_DAYS) throw ApiException.badRequest("'days' must be 1.." + MAX_DAYS + ", got " + days);
        long today = Math.floorDiv(System.currentTimeMillis(), DAY);
        long first = today - days + 1;
        LiveAnalytics.Activity a;
        try {
            a = analytics.activity(base, body.event(), first * DAY, DAY, days);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        SmallCells rule = SmallCells.of(caller);
        Object members = rule.count(a.members());
        Object everyone = rule.count(a.everyone());
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            Object mine = rule.count(a.memberEvents()[i]);
            Object all = rule.count(a.everyoneEvents()[i]);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("day", LocalDate.ofEpochDay(first + i).toString());
            d.put("membersEvents", mine);
            d.put("everyoneEvents", all);
            d.put("membersPer1000", per1000(mine, members));
            d.put("everyonePer1000", per1000(all, everyone));
            out.add(d);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", body.event());
        m.put("members", members);
        m.put("everyone", everyone);
        m.put("days", out);
        return m;
    }

    /** A rate only from numbers shown as such: from a suppressed count it would give the count away. */
    static Double per1000(Object events, Object profiles) {
        if (!(events instanceof Long e) || !(profiles instanceof Long p) || p == 0) return null;
        return Math.round(e * 1000.0 / p * 100.0) / 100.0;
    }

    @Operation(summary = "Pairwise overlaps of a population and saved segments: matrix[i][j] = |row i ∩ row j|, sizes on the diagonal")
    @PostMapping(path = "/overlap", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> overlap(@RequestBody(required = false) AnalyticsRequests.Overlap body, Caller caller) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<RoaringBitmap> members = new ArrayList<>();
        if (body != null && body.definition() != null) {
            Condition base = segments.parse(body.definition());
            try {
                members.add(analytics.members(base));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", null);
            row.put("name", "This population");
            rows.add(row);
        }
        List<SegmentRecord> chosen = new ArrayList<>();
        if (body == null || body.segments() == null) {
            for (SegmentRecord s : segments.list()) if (segments.size(s.id()) != null) chosen.add(s);
        } else {
            for (String id : body.segments()) {
                if (id == null) throw ApiException.badRequest("\"segments\" holds a null id");
                chosen.add(segments.get(id));
            }
        }
        if (chosen.size() + rows.size() > MAX_OVERLAP_ROWS) {
            throw ApiException.badRequest("at most " + MAX_OVERLAP_ROWS + " rows; got " + (chosen.size() + rows.size()) + ": list the segments to compare");
        }
        for (SegmentRecord s : chosen) {
            if (segments.size(s.id()) == null) throw ApiException.conflict("segment '" + Texts.clip(s.name(), 100) + "' could not be defined at start");
            members.add(analytics.segmentMembers(s.id()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("name", s.name());
            rows.add(row);
        }
        long[][] m = LiveAnalytics.overlap(members);
        SmallCells rule = SmallCells.of(caller);
        List<List<Object>> matrix = new ArrayList<>();
        for (long[] r : m) {
            List<Object> shown = new ArrayList<>();
            for (long v : r) shown.add(rule.count(v));
            matrix.add(shown);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("matrix", matrix);
        return out;
    }
}
