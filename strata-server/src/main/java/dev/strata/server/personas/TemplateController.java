package dev.strata.server.personas;

import dev.strata.batch.SegmentDefinitions;
import dev.strata.personas.ConsumerSegments;
import dev.strata.server.analytics.HistoryService;
import dev.strata.server.audit.AuditService;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.segments.SegmentService;
import dev.strata.server.segments.SegmentView;
import dev.strata.store.SegmentRepository.SegmentRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Segment templates: ready-made sets of dynamic segments. */
@RestController
@RequestMapping("/api/templates")
@Tag(name = "personas")
@SecurityRequirement(name = "bearer")
public class TemplateController {
    private final SegmentService segments;
    private final AuditService audit;
    private final HistoryService histories;

    public TemplateController(SegmentService segments, AuditService audit, HistoryService histories) {
        this.segments = segments;
        this.audit = audit;
        this.histories = histories;
    }

    @Operation(summary = "Create the six consumer segments (examples/consumer-segments.tsv) as dynamic segments, in rule order,"
            + " each with its rule's description;"
            + " 409 and nothing created when one of the names is taken")
    @PostMapping("/consumer-segments")
    @Allowed({Role.ADMIN, Role.EDITOR})
    public ResponseEntity<Map<String, Object>> consumerSegments(Caller caller) {
        SegmentDefinitions template = ConsumerSegments.definitions();
        List<SegmentService.NewSegment> wanted = new ArrayList<>();
        for (SegmentDefinitions.Named n : template.segments()) {
            // the file's own text, so the saved definition reads as documented, and the rule's explanation
            wanted.add(new SegmentService.NewSegment(n.name(), n.text(), "dynamic", null, n.description()));
        }
        List<SegmentView> created = new ArrayList<>();
        for (SegmentRecord s : segments.createAll(wanted, caller.name(), "the template was not installed")) {
            audit.record(caller, "segment.create", s.id());
            histories.warm(s);
            created.add(SegmentView.of(s, segments.size(s.id()), caller));
        }
        return ResponseEntity.created(URI.create("/api/segments")).body(Map.of("template", ConsumerSegments.SOURCE, "segments", created));
    }
}
