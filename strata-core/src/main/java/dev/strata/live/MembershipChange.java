package dev.strata.live;

/**
 * A profile entering or leaving a segment.
 *
 * @param at epoch millis at which membership changed: when the message that caused it was applied,
 *           or the instant a window slid past an event (which may be slightly before it was noticed)
 */
public record MembershipChange(String segmentId, String userKey, boolean entered, long at) {
}
