package dev.strata.server.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.server.TestServer;
import dev.strata.server.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The {@code scorecard-rules} option: the server's scorecards follow the file, and a bad file stops the start. */
class ScorecardRulesOptionTest {
    @TempDir
    Path dir;

    @Test
    void theScorecardFollowsTheRulesFile() throws Exception {
        Path rules = dir.resolve("rules.json");
        Files.writeString(rules, """
                {"channels": [{"name": "portal", "reachable": "consent.portal = true"}],
                 "engagement": [{"name": "opened", "weight": 1, "when": "did \\"App Open\\" within 7d"}]}
                """);
        try (TestServer s = TestServer.start(dir.resolve("data"), b -> b.scorecardRules(rules))) {
            s.ingest("batch", "{\"batch\":[" + identify("a", true) + "," + identify("b", false) + "]}");
            s.createSegment("Everyone", "true");
            JsonNode out = s.api("GET", "/api/scorecard?weights=reach.portal:1", Role.ADMIN).json();
            assertThat(out.get("rules").get("channels")).hasSize(1);
            assertThat(out.get("rules").get("rates")).isEmpty();
            JsonNode row = out.get("segments").get(0);
            assertThat(row.get("reach").get("portal").get("count").asLong()).isEqualTo(1);
            assertThat(row.get("rates")).isEmpty();
            assertThat(row.get("adherenceGap").isNull()).isTrue();
            assertThat(s.api("GET", "/api/scorecard?weights=reach.email:1", Role.ADMIN).status()).isEqualTo(400);
        }
    }

    @Test
    void aBadRulesFileStopsTheStartNamingTheEntry() throws Exception {
        Path rules = dir.resolve("bad.json");
        Files.writeString(rules, "{\"channels\": [{\"name\": \"email\", \"reachable\": \"email is\"}]}");
        assertThatThrownBy(() -> TestServer.start(dir.resolve("data2"), b -> b.scorecardRules(rules)))
                .rootCause().hasMessageContaining(rules + ": channels[0].reachable line 1, column");
    }

    private static String identify(String user, boolean portal) {
        return "{\"type\":\"identify\",\"userId\":\"" + user + "\",\"messageId\":\"" + user + "-i\",\"traits\":{\"consent\":{\"portal\":" + portal + "}}}";
    }
}
