package dev.strata.server.personas;

import dev.strata.lang.Condition;
import dev.strata.live.LiveAnalytics;
import dev.strata.personas.PersonaDescriber;
import dev.strata.personas.PersonaDiscovery;
import dev.strata.personas.PersonaFeatures;
import dev.strata.personas.ProfileSource;
import dev.strata.server.audit.AuditService;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.segments.SegmentService;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.SmallCells;
import dev.strata.store.SegmentRepository.SegmentRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Persona discovery over the live profiles; each persona saved as a static segment. */
@RestController
@RequestMapping("/api/personas")
@Tag(name = "personas")
@SecurityRequirement(name = "bearer")
public class PersonaController {
    /** Only one discovery at a time: it reads every profile and clusters them on the request thread. */
    private final Object running = new Object();
    private final LiveAnalytics analytics;
    private final SegmentService segments;
    private final AuditService audit;

    public PersonaController(LiveAnalytics analytics, SegmentService segments, AuditService audit) {
        this.analytics = analytics;
        this.segments = segments;
        this.audit = audit;
    }

    /**
     * @param kMin  smallest number of personas tried (default 2)
     * @param kMax  largest (default 8)
     * @param seed  seed of the sampling and clustering (default 7)
     * @param save  save each persona as a static segment named after it (default true)
     */
    public record DiscoverRequest(Integer kMin, Integer kMax, Long seed, Boolean save) {
    }

    @Operation(summary = "Cluster the profiles into personas (k-prototypes, k by silhouette), describe each and save it as a static segment"
            + " with its description;"
            + " 409 and nothing saved when a persona's name is taken")
    @PostMapping("/discover")
    @Allowed({Role.ADMIN, Role.EDITOR})
    public Map<String, Object> discover(@RequestBody(required = false) DiscoverRequest body, Caller caller) {
        DiscoverRequest b = body == null ? new DiscoverRequest(null, null, null, null) : body;
        PersonaDiscovery.Options defaults = PersonaDiscovery.Options.defaults(b.seed() == null ? 7 : b.seed());
        PersonaDiscovery.Options options;
        try {
            options = new PersonaDiscovery.Options(b.kMin() == null ? defaults.kMin() : b.kMin(), b.kMax() == null ? defaults.kMax() : b.kMax(),
                    defaults.seed(), null, defaults.sample(), defaults.silhouetteSample());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        synchronized (running) {
            PersonaDiscovery.Result result;
            try {
                PersonaFeatures.Table table = PersonaFeatures.extract(source(), PersonaFeatures.standard());
                result = PersonaDiscovery.discover(table, options);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            boolean save = b.save() == null || b.save();
            List<SegmentRecord> saved = save ? savePersonas(result.personas(), caller) : null;
            List<Map<String, Object>> personas = new ArrayList<>();
            for (int i = 0; i < result.personas().size(); i++) {
                PersonaDiscovery.Persona p = result.personas().get(i);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                m.put("size", SmallCells.shown(p.size(), caller));
                m.put("description", p.description());
                m.put("distinctions", p.distinctions().stream().map(PersonaController::distinction).toList());
                if (saved != null) m.put("segmentId", saved.get(i).id());
                personas.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("k", result.k());
            out.put("gamma", result.gamma());
            out.put("criterion", "highest mean silhouette on a sample");
            out.put("trials", result.trials().stream().map(t -> Map.of("k", t.k(), "silhouette", t.silhouette(), "cost", t.cost())).toList());
            out.put("personas", personas);
            return out;
        }
    }

    /** Each persona as a static segment named after it: all of them, or none when a name is taken. */
    private List<SegmentRecord> savePersonas(List<PersonaDiscovery.Persona> personas, Caller caller) {
        List<SegmentService.NewSegment> wanted = new ArrayList<>();
        for (PersonaDiscovery.Persona p : personas) wanted.add(new SegmentService.NewSegment(p.name(), null, "static", p.members(), p.description()));
        List<SegmentRecord> saved = segments.createAll(wanted, caller.name(), "no persona was saved");
        for (SegmentRecord s : saved) audit.record(caller, "segment.create", s.id());
        return saved;
    }

    private static Map<String, Object> distinction(PersonaDescriber.Distinction d) {
        return Map.of("feature", d.feature(), "effect", d.effect(), "text", d.text());
    }

    /** Every live profile; the two reads are retried when a new profile arrives between them. */
    private ProfileSource source() {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<String> keys = analytics.memberIds(Condition.TRUE);
            RoaringBitmap universe = analytics.members(Condition.TRUE);
            if (universe.getCardinality() == keys.size()) return new ProfileSource(universe, keys, analytics::members);
        }
        throw ApiException.unavailable("profiles kept arriving while persona discovery read them; try again");
    }
}
