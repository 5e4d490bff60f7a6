package dev.strata.server.analytics;

import dev.strata.analytics.FieldDescription;
import dev.strata.analytics.ValueCount;
import dev.strata.live.LiveAnalytics;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.segments.SegmentService;
import dev.strata.server.web.SmallCells;
import dev.strata.store.SegmentRepository.SegmentRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the visual builder offers: traits, context paths and events with their types and common values, and the segments. */
@RestController
@Tag(name = "analytics")
@SecurityRequirement(name = "bearer")
public class SchemaController {
    private final SchemaService schemas;
    private final SegmentService segments;

    public SchemaController(SchemaService schemas, SegmentService segments) {
        this.schemas = schemas;
        this.segments = segments;
    }

    @Operation(summary = "Fields for the builder: {\"traits\",\"context\",\"events\",\"segments\"}; values only when few and held by 11+ profiles")
    @GetMapping("/api/schema")
    @Allowed({Role.ADMIN, Role.EDITOR, Role.ANALYST})
    public Map<String, Object> schema(Caller caller) {
        SmallCells cells = SmallCells.of(caller);
        LiveAnalytics.Schema s = schemas.schema();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("traits", fields(s.traits(), cells));
        out.put("context", fields(s.context(), cells));
        List<Map<String, Object>> events = new ArrayList<>();
        for (LiveAnalytics.EventDescription e : s.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("count", cells.count(e.count()));
            m.put("properties", fields(e.properties(), cells));
            events.add(m);
        }
        out.put("events", events);
        List<Map<String, Object>> saved = new ArrayList<>();
        for (SegmentRecord r : segments.list()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("kind", r.kind());
            saved.add(m);
        }
        out.put("segments", saved);
        return out;
    }

    private static List<Map<String, Object>> fields(List<FieldDescription> fields, SmallCells cells) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FieldDescription f : fields) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("type", f.type());
            if (f.values() != null) {
                List<Map<String, Object>> values = new ArrayList<>();
                for (ValueCount v : f.values()) {
                    Map<String, Object> vm = new LinkedHashMap<>();
                    vm.put("value", JsonNumbers.plain(v.value()));
                    vm.put("count", cells.count(v.rows()));
                    values.add(vm);
                }
                m.put("values", values);
            }
            if (f.min() != null) m.put("min", JsonNumbers.plain(f.min()));
            if (f.max() != null) m.put("max", JsonNumbers.plain(f.max()));
            out.add(m);
        }
        return out;
    }
}
