package dev.strata.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** --demo fills an empty store through the ingestion path and saves the example segments. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void theDemoLoadsAPopulationAndTheExampleSegmentsOnce() {
        long messages;
        try (TestServer s = TestServer.start(dir, b -> b.demo(true).demoProfiles(300))) {
            JsonNode stats = s.get("/api/stats").json();
            assertThat(stats.get("profiles").asInt()).isEqualTo(300);
            messages = stats.get("messages").asLong();
            assertThat(messages).isGreaterThan(300);
            JsonNode segments = s.get("/api/segments").json().get("segments");
            assertThat(segments.size()).isEqualTo(19);
            assertThat(segments.toString()).contains("Seniors in CA or OR due for outreach");
            int nonEmpty = 0;
            for (JsonNode seg : segments) if (seg.get("size").asInt() > 0) nonEmpty++;
            assertThat(nonEmpty).isGreaterThan(5);
        }
        try (TestServer s = TestServer.start(dir, b -> b.demo(true).demoProfiles(300))) {
            assertThat(s.get("/api/stats").json().get("messages").asLong()).isEqualTo(messages);
            assertThat(s.get("/api/segments").json().get("segments").size()).isEqualTo(19);
        }
    }
}
