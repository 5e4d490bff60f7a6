package dev.strata.server.segments;

import dev.strata.live.Explanation;
import dev.strata.live.LiveEngine;
import dev.strata.live.MembersPage;
import dev.strata.server.audit.AuditService;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.Params;
import dev.strata.server.web.SmallCells;
import dev.strata.server.web.Texts;
import dev.strata.store.ChangeLog;
import dev.strata.store.Store;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Who is in a segment and why, and how membership moved. Everything here but the daily counts is
 * personal data: editors and admins only, and every read is audited.
 */
@RestController
@RequestMapping("/api/segments/{id}")
@Tag(name = "segment members")
@SecurityRequirement(name = "bearer")
public class SegmentDataController {
    private final SegmentService segments;
    private final LiveEngine engine;
    private final ChangeLog changes;
    private final ChangeStreams streams;
    private final AuditService audit;

    public SegmentDataController(SegmentService segments, LiveEngine engine, Store store, ChangeStreams streams, AuditService audit) {
        this.segments = segments;
        this.engine = engine;
        this.changes = store.changes();
        this.streams = streams;
        this.audit = audit;
    }

    @Operation(summary = "A page of members: {\"members\": [userId...], \"next\": cursor or null}")
    @GetMapping("/members")
    @Allowed({Role.ADMIN, Role.EDITOR})
    public MembersPage members(@PathVariable String id, @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String after, Caller caller) {
        segments.get(id);
        audit.record(caller, "segment.members", id);
        return segments.members(id, after, Params.limit(limit, 100, 10_000));
    }

    @Operation(summary = "Why a profile is in or out: each condition's truth and the facts behind it")
    @GetMapping("/explain/{userId}")
    @Allowed({Role.ADMIN, Role.EDITOR})
    public Explanation explain(@PathVariable String id, @PathVariable String userId, Caller caller) {
        segments.get(id);
        audit.record(caller, "segment.explain", id + " " + userId);
        if (engine.profile(userId).isEmpty()) throw ApiException.notFound("no profile with user id '" + Texts.clip(userId, 100) + "'");
        return engine.explain(id, userId);
    }

    @Operation(summary = "Entries and exits since an instant, oldest first")
    @GetMapping("/changes")
    @Allowed({Role.ADMIN, Role.EDITOR})
    public Map<String, Object> changes(@PathVariable String id, @RequestParam(required = false) String since,
                                       @RequestParam(required = false) Integer limit, Caller caller) {
        segments.get(id);
        long from = Params.instant("since", since, 0);
        audit.record(caller, "segment.changes", id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChangeLog.Change c : changes.forSegment(id, from, Params.limit(limit, 1000, 10_000))) out.add(change(c));
        return Map.of("changes", out);
    }

    @Operation(summary = "Server-Sent Events: one 'change' event per entry or exit from now on")
    @GetMapping(path = "/changes/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Allowed({Role.ADMIN, Role.EDITOR})
    public SseEmitter stream(@PathVariable String id, Caller caller) {
        segments.get(id);
        audit.record(caller, "segment.changes.stream", id);
        return streams.subscribe(id);
    }

    @Operation(summary = "Entries and exits per day (UTC): aggregates, open to analysts")
    @GetMapping("/stats")
    @Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
    public Map<String, Object> stats(@PathVariable String id, @RequestParam(required = false) String since, Caller caller) {
        segments.get(id);
        long from = Params.instant("since", since, 0);
        List<Map<String, Object>> days = new ArrayList<>();
        for (long[] d : changes.dailyCounts(id, from)) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", LocalDate.ofEpochDay(d[0]).toString());
            day.put("entered", SmallCells.shown(d[1], caller));
            day.put("exited", SmallCells.shown(d[2], caller));
            days.add(day);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("segmentId", id);
        Integer size = segments.size(id);
        out.put("size", size == null ? null : SmallCells.shown(size, caller));
        out.put("days", days);
        return out;
    }

    static Map<String, Object> change(ChangeLog.Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", c.seq());
        m.put("segmentId", c.segmentId());
        m.put("userId", c.userKey());
        m.put("change", c.entered() ? "entered" : "exited");
        m.put("at", Instant.ofEpochMilli(c.at()));
        return m;
    }
}
