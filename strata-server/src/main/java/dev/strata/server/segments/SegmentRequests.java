package dev.strata.server.segments;

/** Bodies the segment endpoints accept. */
final class SegmentRequests {
    private SegmentRequests() {
    }

    /** Create (name and, for a dynamic segment, definition required) or update (null keeps the value). */
    record Segment(String name, String definition, String kind) {
    }

    record Preview(String definition) {
    }
}
