package dev.strata.server.audit;

import dev.strata.server.security.Caller;
import dev.strata.store.AuditLog;
import dev.strata.store.Store;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Records who read or exported personal data, and administrative acts, in the store's hash-chained
 * audit log. Recording happens before the data is returned: when the log cannot be written the
 * read fails (503) rather than going unrecorded.
 */
@Service
public class AuditService {
    private final AuditLog log;

    public AuditService(Store store) {
        this.log = store.audit();
    }

    /**
     * @param action e.g. {@code profile.read}, {@code segment.members}
     * @param target what was read or changed: a user id, a segment id, a token id
     */
    public void record(Caller caller, String action, String target) {
        log.append(Instant.now(), caller.name(), caller.role().wireName(), action, target, caller.remote());
    }

    /** An export made by Strata itself (webhook deliveries), with the receiver as the remote end. */
    public void recordSystem(String actor, String action, String target, String remote) {
        log.append(Instant.now(), actor, "system", action, target, remote);
    }

    public List<AuditLog.Entry> query(AuditLog.Query query) {
        return log.query(query);
    }

    public AuditLog.Verification verify() {
        return log.verify();
    }
}
