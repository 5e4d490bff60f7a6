package dev.strata.server.profiles;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.strata.live.ProfileView;
import dev.strata.server.audit.AuditService;
import dev.strata.server.ingest.IngestPipeline;
import dev.strata.server.security.Allowed;
import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;
import dev.strata.server.web.Params;
import dev.strata.store.ChangeLog;
import dev.strata.store.Store;
import dev.strata.store.StoredMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Profiles are personal data: editors and admins read them (audited); only admins erase. */
@RestController
@RequestMapping("/api/profiles/{userId}")
@Tag(name = "profiles")
@SecurityRequirement(name = "bearer")
public class ProfileController {

    /** A stored message: its identity and instant, and the message exactly as stored. */
    public record Event(long seq, String messageId, String type, Instant timestamp, @JsonRawValue String message) {
    }

    private final ProfileService profiles;
    private final ChangeLog changes;
    private final AuditService audit;

    public ProfileController(ProfileService profiles, Store store, AuditService audit) {
        this.profiles = profiles;
        this.changes = store.changes();
        this.audit = audit;
    }

    @Operation(summary = "Traits, context, event counts and current segments of a profile")
    @GetMapping
    @Allowed({Role.ADMIN, Role.EDITOR})
    public Map<String, Object> get(@PathVariable String userId, Caller caller) {
        audit.record(caller, "profile.read", userId);
        ProfileView p = profiles.view(userId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", p.userKey());
        out.put("traits", JsonValues.plain(p.traits()));
        out.put("context", JsonValues.plain(p.context()));
        out.put("eventCounts", p.eventCounts());
        out.put("segments", profiles.segmentIds(userId));
        return out;
    }

    @Operation(summary = "Stored messages of a profile, newest first")
    @GetMapping("/events")
    @Allowed({Role.ADMIN, Role.EDITOR})
    public Map<String, Object> events(@PathVariable String userId, @RequestParam(required = false) Integer limit, Caller caller) {
        audit.record(caller, "profile.events", userId);
        List<Event> out = new ArrayList<>();
        for (StoredMessage m : profiles.events(userId, Params.limit(limit, 100, 10_000))) {
            out.add(new Event(m.seq(), m.messageId(), m.type(), Instant.ofEpochMilli(m.timestamp()), m.json()));
        }
        return Map.of("events", out);
    }

    @Operation(summary = "A profile's entries into and exits from segments, newest first")
    @GetMapping("/changes")
    @Allowed({Role.ADMIN, Role.EDITOR})
    public Map<String, Object> changes(@PathVariable String userId, @RequestParam(required = false) Integer limit, Caller caller) {
        audit.record(caller, "profile.changes", userId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChangeLog.Change c : changes.forUser(userId, Params.limit(limit, 1000, 10_000))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", c.seq());
            m.put("segmentId", c.segmentId());
            m.put("change", c.entered() ? "entered" : "exited");
            m.put("at", Instant.ofEpochMilli(c.at()));
            out.add(m);
        }
        return Map.of("userId", userId, "changes", out);
    }

    @Operation(summary = "Erase a profile from the store, the engine and every segment; its messages are refused from now on")
    @DeleteMapping
    @Allowed(Role.ADMIN)
    public Map<String, Object> erase(@PathVariable String userId, Caller caller) {
        audit.record(caller, "profile.erase", userId);
        IngestPipeline.Erasure e = profiles.erase(userId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", userId);
        out.put("erased", true);
        out.put("messagesDeleted", e.deletedMessages());
        out.put("segmentsLeft", e.changes().size());
        return out;
    }
}
