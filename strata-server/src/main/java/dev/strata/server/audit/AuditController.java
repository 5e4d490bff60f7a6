package dev.strata.server.audit;

import dev.strata.server.security.Allowed;
import dev.strata.server.security.Role;
import dev.strata.server.web.Params;
import dev.strata.store.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log: who read or exported personal data, and administrative acts. Admins only. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit")
@SecurityRequirement(name = "bearer")
@Allowed(Role.ADMIN)
public class AuditController {
    /** @param next the seq to pass as {@code after} for the following page; null when this one is empty */
    public record Page(List<AuditLog.Entry> entries, Long next) {
    }

    private final AuditService audit;

    public AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Operation(summary = "Entries in order, filtered by seq, instant, actor, action or target")
    @GetMapping
    public Page query(@RequestParam(required = false) Long after, @RequestParam(required = false) String since,
                                     @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                     @RequestParam(required = false) String target, @RequestParam(required = false) Integer limit) {
        Instant from = since == null ? null : Instant.ofEpochMilli(Params.instant("since", since, 0));
        List<AuditLog.Entry> entries = audit.query(new AuditLog.Query(after, from, actor, action, target, Params.limit(limit, 1000, 10_000)));
        Long next = entries.isEmpty() ? null : entries.get(entries.size() - 1).seq();
        return new Page(entries, next);
    }

    @Operation(summary = "Re-computes the hash chain: intact, or the first entry that was altered")
    @GetMapping("/verify")
    public AuditLog.Verification verify() {
        return audit.verify();
    }
}
