package dev.strata.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.server.TestServer;
import dev.strata.server.TestServer.Response;
import dev.strata.server.security.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Members, explanations and CSV exports of drill-down populations: personal data, audited. */
class DraftMembersHttpTest {
    @TempDir
    static Path dir;
    static TestServer s;
    static Cohort cohort = new Cohort(150, 41);
    static final String DEFINITION = "address.state = \"CA\" and did \"App Open\"";
    static String segment;

    @BeforeAll
    static void start() {
        s = Cohort.serve(dir, cohort);
        segment = s.createSegment("CA app users", DEFINITION);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static List<String> expected() {
        return cohort.people.stream().filter(p -> p.state().equals("CA") && !p.appOpens().isEmpty()).map(Cohort.Person::id).sorted().toList();
    }

    static String def(String definition) {
        return Cohort.JSON.writeValueAsString(definition);
    }

    @Test
    void pagesOfMembersListEveryMemberOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String body = "{\"definition\":" + def(DEFINITION) + ",\"limit\":7" + (cursor == null ? "" : ",\"after\":\"" + cursor + "\"") + "}";
            Response r = s.api("POST", "/api/analytics/members", Role.EDITOR, body);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            r.json().get("members").forEach(m -> seen.add(m.asString()));
            cursor = r.json().get("next").isNull() ? null : r.json().get("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.stream().sorted().toList()).isEqualTo(expected());
        JsonNode audit = s.get("/api/audit?action=analytics.members").json().get("entries");
        assertThat(audit.size()).isEqualTo(pages);
        assertThat(audit.get(0).get("target").asString()).contains("address.state");
        assertThat(audit.get(0).get("role").asString()).isEqualTo("editor");
    }

    @Test
    void anExplanationSaysWhyAProfileIsInOrOut() {
        List<String> in = expected();
        String member = in.get(0);
        String outsider = cohort.people.stream().map(Cohort.Person::id).filter(id -> !in.contains(id)).findFirst().orElseThrow();
        JsonNode yes = s.api("POST", "/api/analytics/explain", Role.ADMIN, "{\"definition\":" + def(DEFINITION) + ",\"userId\":\"" + member + "\"}").json();
        assertThat(yes.get("member").asBoolean()).isTrue();
        assertThat(yes.get("userKey").asString()).isEqualTo(member);
        assertThat(yes.get("root").get("children").size()).isEqualTo(2);
        JsonNode no = s.api("POST", "/api/analytics/explain", Role.EDITOR, "{\"definition\":" + def(DEFINITION) + ",\"userId\":\"" + outsider + "\"}").json();
        assertThat(no.get("member").asBoolean()).isFalse();
        assertThat(no.get("root").get("holds").asBoolean()).isFalse();
        Response missing = s.api("POST", "/api/analytics/explain", Role.EDITOR, "{\"definition\":" + def(DEFINITION) + ",\"userId\":\"nobody\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(s.get("/api/audit?action=analytics.explain").json().get("entries").size()).isEqualTo(3);
    }

    @Test
    void exportsAreCsvOfEveryMemberAndAuditedWithTheRowCount() {
        Response seg = s.api("GET", "/api/segments/" + segment + "/members.csv", Role.EDITOR);
        assertThat(seg.status()).isEqualTo(200);
        assertThat(seg.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = seg.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("user_id");
        assertThat(lines.subList(1, lines.size()).stream().sorted().toList()).isEqualTo(expected());
        JsonNode exported = s.get("/api/audit?action=segment.members.export").json().get("entries");
        assertThat(exported.get(0).get("target").asString()).isEqualTo(segment + " rows=" + expected().size());

        Response draft = s.api("POST", "/api/analytics/members.csv", Role.ADMIN, "{\"definition\":" + def("(" + DEFINITION + ") and gender = \"female\"") + "}");
        assertThat(draft.status()).isEqualTo(200);
        List<String> females = cohort.people.stream().filter(p -> expected().contains(p.id()) && p.gender().equals("female")).map(Cohort.Person::id).sorted().toList();
        List<String> rows = draft.body().lines().skip(1).sorted().toList();
        assertThat(rows).isEqualTo(females);
        JsonNode entry = s.get("/api/audit?action=analytics.members.export").json().get("entries").get(0);
        assertThat(entry.get("target").asString()).startsWith("rows=" + females.size() + " definition: ");
    }

    @Test
    void analystsGetNoPersonalData() {
        assertThat(s.api("POST", "/api/analytics/members", Role.ANALYST, "{\"definition\":\"true\"}").status()).isEqualTo(403);
        assertThat(s.api("GET", "/api/segments/" + segment + "/members.csv", Role.ANALYST).status()).isEqualTo(403);
        assertThat(s.api("POST", "/api/analytics/members.csv", Role.ANALYST, "{\"definition\":\"true\"}").status()).isEqualTo(403);
    }

    @Test
    void aCsvCellWithACommaOrQuoteIsQuoted() {
        assertThat(CsvExport.of(List.of("a", "b,c", "d\"e"))).isEqualTo("user_id\r\na\r\n\"b,c\"\r\n\"d\"\"e\"\r\n");
    }
}
