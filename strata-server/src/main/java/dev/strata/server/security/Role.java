package dev.strata.server.security;

import java.util.Locale;

/**
 * What a token may do. {@code admin}: everything, including tokens, webhooks and the audit log;
 * {@code editor}: segments and the personal data behind them; {@code analyst}: aggregates only;
 * {@code ingest}: sending messages to /v1 and nothing else.
 */
public enum Role {
    ADMIN, EDITOR, ANALYST, INGEST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named (any case), or null. */
    public static Role parse(String s) {
        if (s == null) return null;
        for (Role r : values()) if (r.wireName().equalsIgnoreCase(s.strip())) return r;
        return null;
    }
}
