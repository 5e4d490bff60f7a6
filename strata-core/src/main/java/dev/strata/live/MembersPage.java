package dev.strata.live;

import java.util.List;

/** One page of a segment's members; {@code next} is the cursor for the following page, or null at the end. */
public record MembersPage(List<String> members, String next) {
}
