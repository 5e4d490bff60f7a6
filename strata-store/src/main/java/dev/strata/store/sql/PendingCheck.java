package dev.strata.store.sql;

import dev.strata.store.MessageLog.Pending;

/**
 * Refuses, in the caller's thread, a message that no database could store as given: one bad
 * message would otherwise fail the whole group commit it shares with other callers.
 */
final class PendingCheck {
    private PendingCheck() {
    }

    static void check(Pending p, int index) {
        if (p == null) throw new IllegalArgumentException("message " + index + " is null");
        requireText(p.userKey(), "userKey", index, false);
        requireText(p.type(), "type", index, false);
        requireText(p.messageId(), "messageId", index, true);
        if (p.json() == null) throw new IllegalArgumentException("message " + index + ": json is null");
        if (p.json().indexOf('\0') >= 0) {
            throw new IllegalArgumentException("message " + index + ": json contains a NUL character");
        }
    }

    /** Non-empty, no NUL (PostgreSQL text cannot hold it), no unpaired surrogate (not encodable as UTF-8). */
    private static void requireText(String value, String field, int index, boolean nullable) {
        if (value == null) {
            if (nullable) return;
            throw new IllegalArgumentException("message " + index + ": " + field + " is null");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("message " + index + ": " + field + " is empty"
                    + (nullable ? " (use null for none)" : ""));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("message " + index + ": " + field + " contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("message " + index + ": " + field
                        + " contains an unpaired surrogate at " + i);
            }
        }
    }
}
