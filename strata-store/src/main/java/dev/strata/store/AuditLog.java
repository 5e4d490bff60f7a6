package dev.strata.store;

import java.time.Instant;
import java.util.List;

/**
 * Append-only, hash-chained record of reads and exports of personal data and of administrative
 * acts. Each entry's hash covers its fields and the previous entry's hash, so removing or editing
 * an entry breaks every hash after it ({@link #verify}).
 */
public interface AuditLog {

    /**
     * @param actor  the token's name (never its secret)
     * @param action e.g. "profile.read", "segment.members", "profile.erase"
     * @param target what was read: a user key, a segment id
     * @param remote the caller's address
     */
    record Entry(long seq, Instant at, String actor, String role, String action, String target, String remote,
                 String prevHash, String hash) {
    }

    /** Query filter; null fields match everything. */
    record Query(Long afterSeq, Instant since, String actor, String action, String target, int limit) {
    }

    /**
     * Outcome of re-computing the chain: {@code brokenAt} is the first bad seq, or -1 (then
     * {@code reason} is "intact"); {@code entries} counts the entries read up to the verdict.
     */
    record Verification(long entries, long brokenAt, String reason) {
        public boolean intact() {
            return brokenAt < 0;
        }
    }

    /** Appends durably and returns the entry as stored ({@code at} kept to the millisecond). */
    Entry append(Instant at, String actor, String role, String action, String target, String remote);

    /** Entries in seq order matching the query; a limit of 0 or less means 100; at most 10,000 are returned. */
    List<Entry> query(Query query);

    Verification verify();
}
