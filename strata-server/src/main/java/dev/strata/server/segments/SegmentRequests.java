package dev.strata.server.segments;

/** Bodies the segment endpoints accept. */
final class SegmentRequests {
    private SegmentRequests() {
    }

    /**
     * Create (name and, for a dynamic segment, definition required) or update (null keeps the value;
     * an empty description removes it).
     */
    record Segment(String name, String definition, String kind, String description) {
    }

    record Preview(String definition) {
    }
}
