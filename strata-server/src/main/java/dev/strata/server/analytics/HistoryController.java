package dev.strata.server.analytics;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A segment's size over time with entries and exits: aggregates, open to analysts. */
@RestController
@Tag(name = "analytics")
@SecurityRequirement(name = "bearer")
public class HistoryController {
    static final int MAX_DAYS = 366;

    private final HistoryService histories;
    private final SegmentService segments;

    public HistoryController(HistoryService histories, SegmentService segments) {
        this.histories = histories;
        this.segments = segments;
    }

    @Operation(summary = "Daily size, entries and exits (UTC) for the last N days: from the change log since creation, reconstructed before")
    @GetMapping("/api/segments/{id}/history")
    @Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
    public Map<String, Object> history(@PathVariable String id, @RequestParam(required = false) Integer days, Caller caller) {
        int n = days == null ? 30 : days;
        if (n < 1 || n > MAX_DAYS) throw ApiException.badRequest("'days' must be 1.." + MAX_DAYS + ", got " + n);
        HistoryService.History h = histories.history(segments.get(id), n);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("points", new HistoryView(h, SmallCells.of(caller)).points());
        out.put("createdAt", h.createdAt());
        return out;
    }
}
