package dev.strata.server;

/** Reads {@code strata_ingest_messages_total} from a running server's /metrics. */
public final class IngestMeters {
    private IngestMeters() {
    }

    /** The count for one outcome (stored, duplicate, erased, invalid); 0 before the first. */
    public static long count(TestServer s, String outcome) {
        TestServer.Response r = s.send("GET", "/metrics", null, null, null);
        if (r.status() != 200) throw new IllegalStateException("GET /metrics: " + r);
        for (String line : r.body().lines().toList()) {
            if (line.startsWith("strata_ingest_messages_total{") && line.contains("outcome=\"" + outcome + "\"")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
