package dev.strata.server.segments;

import dev.strata.live.MembershipChange;
import dev.strata.server.analytics.HistoryService;
import dev.strata.server.analytics.HistoryView;
import dev.strata.store.ChangeLog;
import dev.strata.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import dev.strata.server.audit.AuditService;
import dev.strata.server.ingest.BodyReader;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.SmallCells;
import dev.strata.store.SegmentRepository.SegmentRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Segments: definitions, sizes and static member lists. Member data itself is in {@link SegmentDataController}. */
@RestController
@RequestMapping("/api/segments")
@Tag(name = "segments")
@SecurityRequirement(name = "bearer")
public class SegmentController {
    /** An uploaded member list of a million long ids fits. */
    static final int MAX_CSV_BYTES = 64 * 1024 * 1024;

    private final SegmentService segments;
    private final AuditService audit;
    private final HistoryService histories;
    private final ChangeLog changes;

    public SegmentController(SegmentService segments, AuditService audit, HistoryService histories, Store store) {
        this.segments = segments;
        this.audit = audit;
        this.histories = histories;
        this.changes = store.changes();
    }

    @Operation(summary = "All segments with their sizes, size changes over 7 and 30 days, a 30-day sparkline and the last change")
    @GetMapping
    @Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
    public Map<String, Object> list(Caller caller) {
        List<SegmentListRow> out = new ArrayList<>();
        SmallCells rule = SmallCells.of(caller);
        LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(System.currentTimeMillis(), HistoryView.DAY_MS));
        List<SegmentRecord> all = segments.list();
        Map<String, Long> lastChanges = changes.lastChanges(all.stream().map(SegmentRecord::id).toList());
        for (SegmentRecord s : all) {
            Integer size = segments.size(s.id());
            SegmentView view = SegmentView.of(s, size, caller);
            Object change7d = null;
            Object change30d = null;
            List<Object> sparkline = null;
            if (size != null) {
                HistoryView h = new HistoryView(histories.history(s, 31, size), rule);
                change7d = h.change(today, 7);
                change30d = h.change(today, 30);
                sparkline = h.sizes(today, 30);
            }
            Long last = lastChanges.get(s.id());
            out.add(SegmentListRow.of(view, change7d, change30d, sparkline, last == null ? null : Instant.ofEpochMilli(last)));
        }
        return Map.of("segments", out);
    }

    @Operation(summary = "Create a segment: {\"name\", \"definition\", \"kind\": \"dynamic\"|\"static\", \"description\"}")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed({Role.ADMIN, Role.EDITOR})
    public ResponseEntity<SegmentView> create(@RequestBody SegmentRequests.Segment body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        SegmentRecord s = segments.create(body.name(), body.definition(), body.kind(), caller.name(), body.description());
        audit.record(caller, "segment.create", s.id());
        histories.warm(s);
        return ResponseEntity.created(URI.create("/api/segments/" + s.id())).body(SegmentView.of(s, segments.size(s.id()), caller));
    }

    @Operation(summary = "Size of an unsaved definition")
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
    public Map<String, Object> preview(@RequestBody SegmentRequests.Preview body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        return Map.of("size", SmallCells.shown(segments.preview(body.definition()), caller));
    }

    @Operation(summary = "One segment with its size")
    @GetMapping("/{id}")
    @Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
    public SegmentView get(@PathVariable String id, Caller caller) {
        SegmentRecord s = segments.get(id);
        return SegmentView.of(s, segments.size(id), caller);
    }

    @Operation(summary = "Change a segment's name, definition, kind or description (absent fields are kept; an empty description removes it)")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed({Role.ADMIN, Role.EDITOR})
    public SegmentView update(@PathVariable String id, @RequestBody SegmentRequests.Segment body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        SegmentRecord s = segments.update(id, body.name(), body.definition(), body.kind(), body.description());
        audit.record(caller, "segment.update", id);
        histories.warm(s);
        return SegmentView.of(s, segments.size(id), caller);
    }

    @Operation(summary = "Delete a segment (refused while another segment refers to it)")
    @DeleteMapping("/{id}")
    @Allowed({Role.ADMIN, Role.EDITOR})
    public ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        segments.delete(id);
        audit.record(caller, "segment.delete", id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Re-take a static segment's snapshot from its definition")
    @PostMapping("/{id}/refresh")
    @Allowed({Role.ADMIN, Role.EDITOR})
    public Map<String, Object> refresh(@PathVariable String id, Caller caller) {
        List<MembershipChange> changes = segments.refresh(id);
        audit.record(caller, "segment.refresh", id);
        return withCounts(SegmentView.of(segments.get(id), segments.size(id), caller), changes, caller);
    }

    @Operation(summary = "Replace a static segment's members with a list of user ids (CSV, first column)")
    @PutMapping(path = "/{id}/members", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Allowed({Role.ADMIN, Role.EDITOR})
    public Map<String, Object> upload(@PathVariable String id, HttpServletRequest req, Caller caller) throws IOException {
        byte[] body = BodyReader.read(req, MAX_CSV_BYTES, "a member list");
        List<String> users = MembersCsv.parse(new String(body, StandardCharsets.UTF_8));
        List<MembershipChange> changes = segments.replaceMembers(id, users);
        audit.record(caller, "segment.members.upload", id);
        return withCounts(SegmentView.of(segments.get(id), segments.size(id), caller), changes, caller);
    }

    private static Map<String, Object> withCounts(SegmentView view, List<MembershipChange> changes, Caller caller) {
        long entered = changes.stream().filter(MembershipChange::entered).count();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("segment", view);
        out.put("entered", SmallCells.shown(entered, caller));
        out.put("exited", SmallCells.shown(changes.size() - entered, caller));
        return out;
    }
}
