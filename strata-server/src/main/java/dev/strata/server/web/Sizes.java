package dev.strata.server.web;

import dev.strata.server.security.Caller;
import dev.strata.server.security.Role;

/**
 * How a count is shown to a caller. Analysts see aggregates only, and a count between 1 and 10
 * could single people out, so they see it as {@code "<11"}; everyone else sees the number.
 */
public final class Sizes {
    public static final String SMALL = "<11";

    private Sizes() {
    }

    /** The count as a JSON value for this caller: a number, or the string {@code "<11"}. */
    public static Object shown(long count, Caller caller) {
        if (caller.role() == Role.ANALYST && count >= 1 && count <= 10) return SMALL;
        return count;
    }
}
