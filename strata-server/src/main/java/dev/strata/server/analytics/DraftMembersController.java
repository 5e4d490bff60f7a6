package dev.strata.server.analytics;

import dev.strata.lang.Condition;
import dev.strata.live.Explanation;
import dev.strata.live.LiveAnalytics;
import dev.strata.live.LiveEngine;
import dev.strata.live.MembersPage;
import dev.strata.server.audit.AuditService;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.segments.SegmentService;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.Params;
import dev.strata.server.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is in a population given as a definition (a drill-down not saved as a segment), why one
 * profile is in or out, and member exports. Personal data: editors and admins only, and every
 * call is audited before anything is returned (exports with their row count).
 */
@RestController
@Tag(name = "segment members")
@SecurityRequirement(name = "bearer")
@Allowed({Role.ADMIN, Role.EDITOR})
public class DraftMembersController {
    /** How much of a definition the audit log keeps as the target of a read. */
    static final int AUDITED_DEFINITION = 1000;

    private final LiveAnalytics analytics;
    private final LiveEngine engine;
    private final SegmentService segments;
    private final AuditService audit;

    public DraftMembersController(LiveAnalytics analytics, LiveEngine engine, SegmentService segments, AuditService audit) {
        this.analytics = analytics;
        this.engine = engine;
        this.segments = segments;
        this.audit = audit;
    }

    record MembersRequest(String definition, Integer limit, String after) {
    }

    record ExplainRequest(String definition, String userId) {
    }

    record ExportRequest(String definition) {
    }

    @Operation(summary = "A page of the members of a definition: {\"members\": [userId...], \"next\": cursor or null}")
    @PostMapping(path = "/api/analytics/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    public MembersPage members(@RequestBody MembersRequest body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        Condition c = segments.parse(body.definition());
        int limit = Params.limit(body.limit(), 100, 10_000);
        audit.record(caller, "analytics.members", target(body.definition()));
        try {
            return analytics.membersPage(c, body.after(), limit);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    @Operation(summary = "Why a profile is in or out of a definition: each condition's truth and the facts behind it")
    @PostMapping(path = "/api/analytics/explain", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Explanation explain(@RequestBody ExplainRequest body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        Condition c = segments.parse(body.definition());
        if (body.userId() == null || body.userId().isEmpty()) throw ApiException.badRequest("\"userId\" is required");
        audit.record(caller, "analytics.explain", body.userId() + " " + target(body.definition()));
        if (engine.profile(body.userId()).isEmpty()) throw ApiException.notFound("no profile with user id '" + Texts.clip(body.userId(), 100) + "'");
        try {
            return engine.explainDefinition(c, body.userId());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    @Operation(summary = "Every member of a saved segment as CSV (header user_id); audited with the row count")
    @GetMapping(path = "/api/segments/{id}/members.csv", produces = "text/csv")
    public ResponseEntity<String> exportSegment(@PathVariable String id, Caller caller) {
        segments.get(id);
        List<String> ids = segments.allMemberIds(id);
        audit.record(caller, "segment.members.export", id + " rows=" + ids.size());
        return csv(ids, id);
    }

    @Operation(summary = "Every member of a definition as CSV (header user_id); audited with the row count")
    @PostMapping(path = "/api/analytics/members.csv", consumes = MediaType.APPLICATION_JSON_VALUE, produces = "text/csv")
    public ResponseEntity<String> exportDefinition(@RequestBody ExportRequest body, Caller caller) {
        if (body == null) throw ApiException.badRequest("a JSON body is required");
        Condition c = segments.parse(body.definition());
        List<String> ids;
        try {
            ids = analytics.memberIds(c);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        audit.record(caller, "analytics.members.export", "rows=" + ids.size() + " " + target(body.definition()));
        return csv(ids, "population");
    }

    private static ResponseEntity<String> csv(List<String> ids, String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-members.csv\"")
                .body(CsvExport.of(ids));
    }

    private static String target(String definition) {
        return "definition: " + Texts.clip(definition, AUDITED_DEFINITION);
    }
}
