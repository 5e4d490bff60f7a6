package dev.strata.server.personas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.batch.SegmentDefinitions;
import dev.strata.personas.ConsumerSegments;
import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The consumer-segments template and persona discovery over HTTP, on the demo population. */
class PersonasHttpTest {
    static final int PROFILES = 600;
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(dir, b -> b.demo(true).demoProfiles(PROFILES));
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void theTemplateCreatesSixDynamicSegmentsThatSplitEveryone() {
        Map<String, String> descriptions = new HashMap<>();
        for (SegmentDefinitions.Named n : ConsumerSegments.definitions().segments()) descriptions.put(n.name(), n.description());
        Response r = s.api("POST", "/api/templates/consumer-segments", Role.EDITOR);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode created = r.json().get("segments");
        List<String> names = new ArrayList<>();
        int total = 0;
        for (JsonNode seg : created) {
            names.add(seg.get("name").asString());
            assertThat(seg.get("kind").asString()).isEqualTo("dynamic");
            total += seg.get("size").asInt();
            JsonNode saved = s.get("/api/segments/" + seg.get("id").asString()).json();
            assertThat(saved.get("definition").asString()).isEqualTo(seg.get("definition").asString());
            // each rule's explanation from the template's description column
            assertThat(saved.get("description").asString()).isEqualTo(descriptions.get(seg.get("name").asString())).isNotBlank();
        }
        assertThat(names).containsExactly("Shop while saving", "Out and about", "Sick but savvy", "Onboard and online",
                "Compliant and content", "Cautious but casual");
        // the rules exclude each other and the last catches the rest
        assertThat(total).isEqualTo(s.get("/api/stats").json().get("profiles").asInt());
        assertThat(created.get(5).get("size").asInt()).isPositive();

        Response again = s.api("POST", "/api/templates/consumer-segments", Role.ADMIN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Shop while saving");
        assertThat(s.api("POST", "/api/templates/consumer-segments", Role.ANALYST).status()).isEqualTo(403);
    }

    @Test
    void discoveryDescribesPersonasAndSavesThemAsStaticSegments() {
        Response preview = s.api("POST", "/api/personas/discover", Role.EDITOR, "{\"kMax\":4,\"seed\":3,\"save\":false}");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode p = preview.json();
        int k = p.get("k").asInt();
        assertThat(k).isBetween(2, 4);
        assertThat(p.get("trials").size()).isEqualTo(3);
        assertThat(p.get("personas").size()).isEqualTo(k);
        assertThat(p.get("personas").get(0).has("segmentId")).isFalse();

        Response saved = s.api("POST", "/api/personas/discover", Role.ADMIN, "{\"kMax\":4,\"seed\":3}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode personas = saved.json().get("personas");
        int total = 0;
        for (int i = 0; i < personas.size(); i++) {
            JsonNode persona = personas.get(i);
            // the same seed gives the same personas
            assertThat(persona.get("name").asString()).isEqualTo(p.get("personas").get(i).get("name").asString());
            assertThat(persona.get("size").asInt()).isEqualTo(p.get("personas").get(i).get("size").asInt());
            assertDescribedByItsDistinctions(persona, i + 1);
            JsonNode seg = s.get("/api/segments/" + persona.get("segmentId").asString()).json();
            assertThat(seg.get("kind").asString()).isEqualTo("static");
            assertThat(seg.get("description").asString()).isEqualTo(persona.get("description").asString());
            assertThat(seg.get("size").asInt()).isEqualTo(persona.get("size").asInt());
            total += persona.get("size").asInt();
        }
        assertThat(total).isEqualTo(s.get("/api/stats").json().get("profiles").asInt());

        Response again = s.api("POST", "/api/personas/discover", Role.EDITOR, "{\"kMax\":4,\"seed\":3}");
        assertThat(again.status()).isEqualTo(409);
    }

    /**
     * The description is the distinctions' sentences in order of effect, each naming its feature with the
     * persona's figure against everyone's; the name is numbered and carries the strongest.
     */
    private static void assertDescribedByItsDistinctions(JsonNode persona, int number) {
        String name = persona.get("name").asString();
        assertThat(name).startsWith("Persona " + number + ": ");
        JsonNode ds = persona.get("distinctions");
        assertThat(ds.size()).as(name).isPositive();
        List<String> texts = new ArrayList<>();
        double previous = Double.MAX_VALUE;
        for (JsonNode d : ds) {
            String feature = d.get("feature").asString();
            String text = d.get("text").asString();
            double effect = Math.abs(d.get("effect").asDouble());
            assertThat(effect).as(text).isGreaterThanOrEqualTo(0.25).isLessThanOrEqualTo(previous);
            previous = effect;
            String numeric = "^(.+) \\(mean " + Pattern.quote(feature) + " -?[0-9.]+ vs -?[0-9.]+\\)$";
            String categorical = "^" + Pattern.quote(feature) + " .+ for [0-9]+% vs [0-9]+%$";
            assertThat(text).as(name).matches(t -> t.matches(numeric) || t.matches(categorical), "a numeric or categorical distinction of " + feature);
            texts.add(text);
        }
        assertThat(persona.get("description").asString()).isEqualTo(String.join("; ", texts));
        String strongest = texts.get(0);
        String phrase = strongest.contains(" (mean ") ? strongest.substring(0, strongest.indexOf(" (mean ")) : strongest.substring(0, strongest.indexOf(" for "));
        assertThat(name).contains(phrase);
    }

    @Test
    void badRangesOfKAreRefused() {
        Response r = s.api("POST", "/api/personas/discover", Role.EDITOR, "{\"kMin\":5,\"kMax\":3}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("5..3");
        Response tooMany = s.api("POST", "/api/personas/discover", Role.EDITOR, "{\"kMin\":2,\"kMax\":" + (PROFILES + 5) + ",\"save\":false}");
        assertThat(tooMany.status()).isEqualTo(400);
    }
}
