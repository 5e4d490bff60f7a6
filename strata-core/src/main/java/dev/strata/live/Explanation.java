package dev.strata.live;

import java.util.List;
import java.util.Map;

/**
 * Why a profile is in or out of a segment: the definition's tree, each node with its truth for the
 * profile and the facts behind it (the value read, the events counted in the window, the aggregate,
 * the distance).
 *
 * @param member whether the profile is a member now
 * @param root   the definition's explanation tree
 */
public record Explanation(String segmentId, String userKey, boolean member, long at, Node root) {

    /**
     * @param condition the node's condition in the segment language
     * @param holds     its truth for the profile at the instant
     * @param facts     what decided it, e.g. {@code value}, {@code matchingEvents}, {@code windowFrom}
     */
    public record Node(String condition, boolean holds, Map<String, Object> facts, List<Node> children) {
    }
}
