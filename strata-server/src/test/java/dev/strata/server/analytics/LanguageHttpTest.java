package dev.strata.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The builder's two forms of a definition over HTTP: text to tree, tree to text, and the errors of each. */
class LanguageHttpTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir);
        s.createSegment("Seniors", "age(birthday) >= 65");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String text(String definition) {
        return "{\"text\":" + JSON.writeValueAsString(definition) + "}";
    }

    @Test
    void textBecomesTheTreeAndItsCanonicalText() {
        Response r = s.api("POST", "/api/language/parse", Role.ANALYST,
                text("in segment \"Seniors\" AND (gender = \"female\" or count(\"App Open\" within 30d) >= 3)"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode tree = r.json().get("tree");
        assertThat(tree.get("type").asString()).isEqualTo("and");
        assertThat(tree.get("conditions").get(0).get("type").asString()).isEqualTo("segment");
        assertThat(tree.get("conditions").get(1).get("type").asString()).isEqualTo("or");
        assertThat(r.json().get("text").asString())
                .isEqualTo("in segment \"Seniors\" and (gender = \"female\" or count(\"App Open\" within 30d) >= 3)");
    }

    @Test
    void theTreePrintsBackToTheSameText() {
        String[] definitions = {
            "did \"Medication Refill\" where drug_class = \"statin\" between 90d ago and 30d ago",
            "not (near(address, 34.05, -118.24, 25 km) or plan in (\"medicare\", \"medicaid\"))",
            "sum(\"Step Goal Met\".steps within 7d) >= 50000 and context.device.type = \"ios\"",
        };
        for (String d : definitions) {
            JsonNode parsed = s.api("POST", "/api/language/parse", Role.EDITOR, text(d)).json();
            Response printed = s.api("POST", "/api/language/print", Role.ANALYST, "{\"tree\":" + parsed.get("tree") + "}");
            assertThat(printed.status()).isEqualTo(200);
            assertThat(printed.json().get("text").asString()).isEqualTo(parsed.get("text").asString());
        }
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumn() {
        Response r = s.api("POST", "/api/language/parse", Role.ANALYST, text("gender = \"female\" and\n  age(birthday) >="));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("line").asInt()).isEqualTo(2);
        assertThat(r.json().get("column").asInt()).isGreaterThan(1);
        assertThat(r.json().get("error").asString()).isNotBlank();
    }

    @Test
    void anUnknownSegmentIsAnErrorAtItsPosition() {
        Response r = s.api("POST", "/api/language/parse", Role.ANALYST, text("x = 1 and in segment \"Nope\""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asString()).contains("Nope");
        assertThat(r.json().get("line").asInt()).isEqualTo(1);
    }

    @Test
    void aBadTreeNamesTheJsonPointerOfTheBadNode() {
        String tree = "{\"type\":\"and\",\"conditions\":[{\"type\":\"true\"},{\"type\":\"trait\",\"path\":\"gender\",\"op\":\"==\",\"value\":\"x\"}]}";
        Response r = s.api("POST", "/api/language/print", Role.ANALYST, "{\"tree\":" + tree + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("pointer").asString()).isEqualTo("/conditions/1/op");
        Response missing = s.api("POST", "/api/language/print", Role.ANALYST, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("pointer").asString()).isEmpty();
        Response unknown = s.api("POST", "/api/language/print", Role.ANALYST, "{\"tree\":{\"type\":\"segment\",\"name\":\"Nope\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asString()).contains("Nope");
    }
}
