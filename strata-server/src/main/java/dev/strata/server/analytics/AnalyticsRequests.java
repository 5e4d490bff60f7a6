package dev.strata.server.analytics;

import java.util.List;

/** Bodies the analytics endpoints accept. A base is a population given as a definition. */
final class AnalyticsRequests {
    private AnalyticsRequests() {
    }

    record Breakdown(String definition, String by, Integer limit) {
    }

    record Activity(String definition, String event, Integer days) {
    }

    /** Both optional: no definition leaves out "This population", no segments means every saved one. */
    record Overlap(String definition, List<String> segments) {
    }
}
